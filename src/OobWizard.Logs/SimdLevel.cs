namespace OobWizard.Logs;

/// <summary>
/// Which instructions <see cref="FragmentSearch"/> and <see cref="LineTerminators"/> use (the best the
/// CPU has by default; lower ones for tests). A Native AOT build runs at its baseline instruction set
/// (x86-64-v2: SSSE3 but no AVX), so there the 16-byte path is the one that runs.
/// </summary>
internal enum SimdLevel
{
    Scalar,
    Ssse3,
    Avx2,
    Avx512,
}
