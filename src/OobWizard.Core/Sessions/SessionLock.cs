using OobWizard.Core.Files;

namespace OobWizard.Core.Sessions;

/// <summary>
/// A lock file beside a session (<c>FILE.lock</c>) while a wizard has it open, so a second window
/// resuming the same session learns who holds it instead of silently overwriting its steps.
/// Written through <see cref="AtomicFile"/> and created without overwriting (exactly one of two
/// racing openers wins; a reader never sees half a lock).
/// A lock left by a process that no longer runs on this host is stale and replaced; a lock held
/// from another host is never judged stale here (its process cannot be seen).
/// </summary>
public sealed class SessionLock : IDisposable
{
    private bool _released;

    private SessionLock(string path, SessionLockHolder holder)
    {
        Path = path;
        Holder = holder;
    }

    /// <summary>The lock file's path.</summary>
    public string Path { get; }

    /// <summary>This process's entry, as written to the file.</summary>
    public SessionLockHolder Holder { get; }

    public static string PathFor(string sessionPath) => sessionPath + ".lock";

    /// <summary>
    /// Takes the lock for <paramref name="sessionPath"/>, or returns who holds it.
    /// <paramref name="isRunning"/> tells whether a process id is alive on this host.
    /// </summary>
    /// <exception cref="IOException">the lock file cannot be created or read (a folder without write access).</exception>
    public static SessionLock? TryAcquire(string sessionPath, SessionLockHolder me, Func<int, bool> isRunning, out SessionLockHolder? heldBy)
    {
        var path = PathFor(sessionPath);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path, me))
            {
                heldBy = null;
                return new SessionLock(path, me);
            }

            var other = Read(path);
            var stale = other is null
                || (string.Equals(other.Host, me.Host, StringComparison.OrdinalIgnoreCase) && (other.Pid == me.Pid || !isRunning(other.Pid)));
            if (!stale)
            {
                heldBy = other;
                return null;
            }

            TryDelete(path);
        }

        heldBy = Read(path);
        return null;
    }

    /// <summary>Replaces whoever holds the lock (the user chose "take over"); their next save sees it and stops.</summary>
    /// <exception cref="IOException">the lock file cannot be written (a read-only folder).</exception>
    public static SessionLock TakeOver(string sessionPath, SessionLockHolder me)
    {
        var path = PathFor(sessionPath);
        AtomicFile.WriteAllText(path, me.ToText(), ExistingFile.Replace);
        return new SessionLock(path, me);
    }

    /// <summary>Who holds the lock file now (null when there is none or it is unreadable).</summary>
    public static SessionLockHolder? Read(string path)
    {
        try
        {
            return File.Exists(path) ? SessionLockHolder.Parse(InputFile.ReadAllText(path, ReadLimit.SessionLock)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True while the file still names this opening. False after another process took over (or
    /// removed the file): the caller must stop writing the session.
    /// </summary>
    public bool StillHeld(out SessionLockHolder? now)
    {
        now = Read(Path);
        return !_released && now is not null && now.Token == Holder.Token;
    }

    /// <summary>Removes the lock file if it is still ours (never another holder's).</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        if (StillHeld(out _))
        {
            TryDelete(Path);
        }

        _released = true;
    }

    // AtomicFile links the written temp file into place without overwriting: false when the name is taken.
    private static bool TryCreate(string path, SessionLockHolder me)
    {
        try
        {
            AtomicFile.WriteAllText(path, me.ToText(), ExistingFile.Refuse);
            return true;
        }
        catch (FileWriteRefusedException ex) when (ex.Reason == WriteRefusal.Exists)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a read-only folder: the lock of a process that has gone is judged stale by the next opener
        }
    }
}
