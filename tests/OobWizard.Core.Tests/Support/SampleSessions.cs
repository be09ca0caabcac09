using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;

namespace OobWizard.Core.Tests.Support;

/// <summary>A session with something in every field: steps (with a back), evidence, notes.</summary>
public static class SampleSessions
{
    public static Session Busy(FixedClock clock)
    {
        var tree = Trees.Small();
        var session = Session.New(clock, "de", "amt-pc.corp.example.com", offline: true);
        foreach (var t in new[] { Trigger.Choose("b"), Trigger.Verdict("pass"), Trigger.Choose("go"), Trigger.Back, Trigger.Jump("d.two") })
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var tr = WizardEngine.Fire(tree, session.State, t);
            Assert.True(tr.Accepted, tr.Refusal);
            session.Apply(tr, t, clock);
        }

        session.Evidence.Add(new ProbeEvidence(
            "sym.b",
            "amt.reachable",
            "Decided",
            "pass",
            "port 16993 answers",
            [new EvidenceRow("port 16992", "closed"), new EvidenceRow("port 16993", "open (TLS)")],
            ["p.next"],
            clock.Now));
        session.Notes.Add(new SessionNote("shared", "MEBx says ügä 日本語 \"quoted\"", clock.Now));
        session.Record("note", clock);
        return session;
    }
}
