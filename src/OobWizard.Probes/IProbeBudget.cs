namespace OobWizard.Probes;

/// <summary>
/// A probe whose time bound depends on the run: the AMT probe that makes the first contact with a device gets the
/// first-contact allowance on top of <see cref="ProbeContext.Timeout"/> (AMT can take tens of seconds after sleep).
/// <see cref="ProbeRunner"/> asks for it; probes without it get <see cref="ProbeContext.Timeout"/>.
/// </summary>
public interface IProbeBudget
{
    TimeSpan Budget(ProbeContext context);
}
