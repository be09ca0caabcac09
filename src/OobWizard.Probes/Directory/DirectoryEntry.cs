namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// One entry a search returned: its DN and attributes (names lower-cased, as libldap returns them on Linux; values as
/// strings, binary ones such as objectSid as bytes in <see cref="Binary"/>).
/// </summary>
public sealed record DirectoryEntry(string Dn, IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes, IReadOnlyDictionary<string, IReadOnlyList<byte[]>> Binary)
{
    /// <summary>The first value of <paramref name="name"/> (any case), or null.</summary>
    public string? First(string name) => Attributes.TryGetValue(name.ToLowerInvariant(), out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>All values of <paramref name="name"/> (any case); empty when absent.</summary>
    public IReadOnlyList<string> All(string name) => Attributes.TryGetValue(name.ToLowerInvariant(), out var v) ? v : [];

    /// <summary>The first binary value of <paramref name="name"/>, or null.</summary>
    public byte[]? Bytes(string name) => Binary.TryGetValue(name.ToLowerInvariant(), out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>True when objectClass lists <paramref name="objectClass"/>.</summary>
    public bool Is(string objectClass) => All("objectClass").Contains(objectClass, StringComparer.OrdinalIgnoreCase);
}
