namespace OobWizard.Logs;

/// <summary>Which instructions <see cref="FragmentSearch"/> uses (the best the CPU has by default; lower ones for tests).</summary>
internal enum SimdLevel
{
    Scalar,
    Avx2,
    Avx512,
}
