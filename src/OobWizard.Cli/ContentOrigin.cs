namespace OobWizard.Cli;

/// <summary>Why a content source was chosen (what <c>--version</c> and <c>help content</c> name).</summary>
public enum ContentOrigin
{
    /// <summary>Compiled into the executable.</summary>
    Embedded,

    /// <summary><c>--content DIR</c>.</summary>
    Option,

    /// <summary>The <c>OOBW_CONTENT</c> environment variable.</summary>
    Environment,

    /// <summary>The per-user override folder (<see cref="ContentLocator.UserFolder"/>), because it exists.</summary>
    UserFolder,
}
