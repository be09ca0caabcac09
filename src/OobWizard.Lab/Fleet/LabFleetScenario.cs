using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Lab.Fleet;

/// <summary>What every device of one scenario in a fleet shares: the model, its CIM instances and its TLS certificate.</summary>
internal sealed record LabFleetScenario(LabScenario Scenario, LabDeviceModel Model, IReadOnlyDictionary<string, IReadOnlyList<LabInstance>> Instances, X509Certificate2 Certificate);
