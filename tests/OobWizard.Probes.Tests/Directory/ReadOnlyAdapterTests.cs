using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using OobWizard.Probes.ActiveDirectory;
using Xunit;

namespace OobWizard.Probes.Tests.ActiveDirectory;

/// <summary>LDAP is read-only, by construction: nothing in the probes can even name a write request.</summary>
public sealed class ReadOnlyAdapterTests
{
    private static readonly string[] WriteRequests = ["AddRequest", "ModifyRequest", "DeleteRequest", "ModifyDNRequest", "DirectoryAttributeModification", "ExtendedRequest", "DsmlSoapHttpConnection"];

    [Fact]
    public void TheAdapter_OffersOnlyBindAndSearch()
    {
        var methods = typeof(LdapReader).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => m.Name).Distinct().Order().ToList();

        Assert.Equal(["Dispose", "Open", "Read", "RootDse", "Search"], methods);
    }

    [Fact]
    public void TheProbesAssembly_ReferencesNoLdapWriteRequest()
    {
        // Read the compiled metadata: a type the code constructs or calls is a TypeReference there.
        using var stream = File.OpenRead(typeof(LdapReader).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var referenced = md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => md.GetString(t.Name)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("SearchRequest", referenced); // the check sees what the code uses
        foreach (var write in WriteRequests)
        {
            Assert.DoesNotContain(write, referenced);
        }
    }
}
