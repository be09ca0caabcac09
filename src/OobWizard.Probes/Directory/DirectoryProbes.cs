namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// The ad.* probes, for registration with <see cref="ProbeRunner"/>. All are read-only: they bind and search through
/// <see cref="LdapReader"/>, which can do nothing else.
/// </summary>
public static class DirectoryProbes
{
    public static IReadOnlyList<IProbe> All(DirectoryProbeOptions? options = null)
    {
        options ??= new DirectoryProbeOptions();
        return
        [
            new AdRootDseProbe(options),
            new AdContainerProbe(options),
            new AdAmtAccountProbe(options),
            new AdDcomGroupProbe(options),
            new AdNamespaceProbe(options),
        ];
    }
}
