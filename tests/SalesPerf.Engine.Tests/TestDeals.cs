using Microsoft.Extensions.Time.Testing;
using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Tests;

internal static class Actors
{
    public static readonly Actor Rep = new("rep-1", new HashSet<string> { Actor.RepRole }, IsOwner: true, IsOwnersManager: false);
    public static readonly Actor Manager = new("mgr-1", new HashSet<string> { Actor.ManagerRole }, IsOwner: false, IsOwnersManager: true);
    /// <summary>A second manager of the same team (e.g. a deputy), also allowed to decide.</summary>
    public static readonly Actor Deputy = new("mgr-2", new HashSet<string> { Actor.ManagerRole }, IsOwner: false, IsOwnersManager: true);
    public static readonly Actor OtherTeamManager = new("mgr-9", new HashSet<string> { Actor.ManagerRole }, IsOwner: false, IsOwnersManager: false);
    public static readonly Actor Admin = new("admin-1", new HashSet<string> { Actor.AdminRole }, IsOwner: false, IsOwnersManager: false);
    public static readonly Actor OtherRep = new("rep-2", new HashSet<string> { Actor.RepRole }, IsOwner: false, IsOwnersManager: false);
}

/// <summary>Builds what a rep hands in; <see cref="ValidFor"/> gives a complete deliverable for each default-flow stage.</summary>
internal sealed class DeliverableBuilder
{
    private readonly Dictionary<string, string> _values = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _checked = [];
    private readonly List<SubmittedFile> _files = [];

    public DeliverableBuilder Value(string key, string value) { _values[key] = value; return this; }
    public DeliverableBuilder Check(string key, params string[] items) { _checked[key] = items; return this; }
    public DeliverableBuilder File(string key, string fileName)
    {
        _files.RemoveAll(f => f.FieldKey == key);
        _files.Add(new SubmittedFile(key, fileName, Guid.NewGuid().ToString("N"), 12_345, "application/octet-stream"));
        return this;
    }
    public DeliverableBuilder Without(string key)
    {
        _values.Remove(key);
        _checked.Remove(key);
        _files.RemoveAll(f => f.FieldKey == key);
        return this;
    }
    public Deliverable Build() => new(new Dictionary<string, string>(_values), new Dictionary<string, IReadOnlyList<string>>(_checked), [.. _files]);

    public static implicit operator Deliverable(DeliverableBuilder b) => b.Build();

    public static DeliverableBuilder ValidFor(string stageKey) => stageKey switch
    {
        "first-visit" => new DeliverableBuilder()
            .Value("visitDate", "2026-03-02").Value("attendees", "Mr Wang (plant manager), Ms Li (energy)")
            .Value("customerProfile", "Steel plant, 2 furnaces, 110 kV connection to the provincial grid")
            .Value("customerType", "industrial").Value("nextStep", "Send the load questionnaire"),
        "needs-analysis" => new DeliverableBuilder()
            .Value("loadProfile", "Peak 8.5 MW on weekdays 8-20h, valley 2 MW at night, summer peak 15% higher than winter")
            .Value("peakLoadKw", "8500")
            .Value("existingEquipment", "Two 10 MVA transformers from 2009, no reactive compensation")
            .Value("demandForecast", "New rolling line in 2027 adds 3 MW; 5% growth a year after that")
            .Value("forecastGrowthPct", "5")
            .File("report", "needs-analysis.xlsx"),
        "solution-demo" => new DeliverableBuilder()
            .Value("demoDate", "2026-03-20").Value("solutionVersion", "v1.2").Value("attendees", "Wang, Li, Zhao")
            .Value("customerReaction", "positive").File("presentation", "solution.pptx"),
        "customer-feedback" => new DeliverableBuilder()
            .Value("feedbackSummary", "Customer wants a storage option and a phased installation plan")
            .Value("changesRequested", "minor").Check("handover", "notified", "plan").Value("responseDate", "2026-04-01"),
        "negotiation" => new DeliverableBuilder()
            .Value("proposedValue", "1200000").Value("keyTerms", "30% advance, 2-year warranty, delivery in Q3")
            .Value("milestones", "Quote sent 04-02, revised 04-09"),
        "contract" => new DeliverableBuilder()
            .Value("contractNo", "HT-2026-017").Value("contractValue", "1180000").Value("signedDate", "2026-04-20")
            .File("contractFile", "contract-signed.pdf"),
        _ => throw new ArgumentException($"no sample deliverable for stage '{stageKey}'"),
    };
}

/// <summary>
/// One deal driven through <see cref="DealTransition.Run"/> with a fake clock: every accepted command's events,
/// state and score lines are kept, as a host would store them.
/// </summary>
internal sealed class DealScenario
{
    /// <summary>Monday 2 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public DealScenario(StageFlow? flow = null, BusinessCalendar? calendar = null, DateTimeOffset? start = null)
    {
        Flow = flow ?? TestFlows.Default;
        Calendar = calendar ?? BusinessCalendar.Utc;
        Clock = new FakeTimeProvider(start ?? Monday);
    }

    public StageFlow Flow { get; }
    public BusinessCalendar Calendar { get; }
    public FakeTimeProvider Clock { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();
    public DealState? State { get; private set; }
    public DealState Deal => State ?? throw new InvalidOperationException("no deal yet");
    public List<(int Sequence, DealEvent Event)> Events { get; } = [];
    public List<ScoreEntry> Score { get; } = [];
    public Guid DealId { get; } = Guid.NewGuid();

    public DealContext Context(Actor actor) => new(Flow, Calendar, Now, actor);

    /// <summary>Runs a command that must be accepted and stores its outcome.</summary>
    public DealTransition Do(DealCommand command, Actor actor)
    {
        var (transition, error) = DealTransition.Run(State, command, Context(actor));
        if (transition is null) throw new Xunit.Sdk.XunitException($"expected {command.GetType().Name} by {actor.UserId} to be accepted, got: {error}");
        State = transition.After;
        Events.AddRange(transition.Events);
        Score.AddRange(transition.ScoreEntries);
        return transition;
    }

    /// <summary>Runs a command that must be refused; checks the deal did not change.</summary>
    public DealError Refused(DealCommand command, Actor actor)
    {
        var before = State;
        var (transition, error) = DealTransition.Run(State, command, Context(actor));
        Assert.True(transition is null, $"expected {command.GetType().Name} by {actor.UserId} to be refused, but it produced " +
            string.Join(", ", transition?.Events.Select(e => e.Event.GetType().Name) ?? []));
        Assert.Same(before, State);
        return error!;
    }

    public DealScenario Create(decimal? estimatedValue = 1_000_000m)
    {
        Do(new CreateDeal(DealId, "Substation upgrade", "Hebei Steel", "industrial", Actors.Rep.UserId, estimatedValue), Actors.Rep);
        return this;
    }

    public int PendingSubmissionNo => Deal.Current?.Pending?.SubmissionNo ?? throw new InvalidOperationException("nothing pending");

    public DealTransition Submit(Deliverable? deliverable = null) =>
        Do(new SubmitDeliverable(Deal.Current!.StageKey, deliverable ?? DeliverableBuilder.ValidFor(Deal.Current.StageKey)), Actors.Rep);

    public DealTransition Approve(Actor? by = null, string? comment = null) =>
        Do(new ApproveSubmission(PendingSubmissionNo, comment), by ?? Actors.Manager);

    /// <summary>Submits and approves stages, a day apart, until the deal is in <paramref name="stageKey"/>.</summary>
    public DealScenario AdvanceTo(string stageKey)
    {
        while (Deal.Current!.StageKey != stageKey)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            Submit();
            Approve();
        }
        return this;
    }

    public static DealScenario Started(StageFlow? flow = null, BusinessCalendar? calendar = null) => new DealScenario(flow, calendar).Create();
}
