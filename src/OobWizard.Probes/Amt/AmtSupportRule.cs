using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>One row of the ConfigMgr 2007 native AMT support table: from which firmware a release supports AMT natively.</summary>
public sealed record AmtSupportRule(string Release, AmtVersion Minimum, string Source, bool Verified);
