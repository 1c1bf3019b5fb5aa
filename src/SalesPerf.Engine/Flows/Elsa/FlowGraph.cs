using static SalesPerf.Engine.Flows.Elsa.SalesActivityTypes;

namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>
/// Checks the shape of a flowchart — one start, ports wired to the right kinds of activity, every stage
/// reachable and able to reach "won" — and wires stages to their next and send-back stages.
/// </summary>
internal sealed class FlowGraph(List<FlowNode> nodes, List<FlowEdge> edges, List<FlowError> errors)
{
    private readonly Dictionary<string, FlowNode> _byId = nodes.ToDictionary(n => n.Id);

    public StageFlow? Build(string definitionId, int version, LocalizedText name)
    {
        CheckDuplicateStageKeys();
        var start = FindStart();
        var wonIds = nodes.Where(n => n.Type == Won).Select(n => n.Id).ToHashSet();
        if (wonIds.Count == 0)
            errors.Add(new("flow", "has no 'won' end: add a Deal won activity after the contract stage"));

        var next = new Dictionary<string, string?>();
        var sendBacks = new Dictionary<string, List<string>>();
        foreach (var node in nodes) CheckPorts(node, next, sendBacks);

        if (start is null || errors.Count > 0) return null;
        var firstStage = Outgoing(start.Id, Ports.Done).Select(e => _byId[e.To]).FirstOrDefault();
        if (firstStage?.Stage is null)
        {
            errors.Add(new("start", "must lead to a sales stage", start.Id));
            return null;
        }

        CheckReachability(start.Id, wonIds);
        if (errors.Count > 0) return null;

        var stages = OrderedStages(firstStage.Id, next)
            .Select(n => n.Stage! with
            {
                NextStageKey = next[n.Id] is { } to && _byId[to].Stage is { } s ? s.Key : null,
                SendBackTargets = sendBacks.TryGetValue(n.Id, out var targets) ? targets.Select(t => _byId[t].Stage!.Key).ToList() : [],
            })
            .ToList();
        return new StageFlow(definitionId, version, name, stages, firstStage.Stage.Key);
    }

    private IEnumerable<FlowEdge> Outgoing(string id, string? port = null) =>
        edges.Where(e => e.From == id && (port is null || string.Equals(e.Port, port, StringComparison.OrdinalIgnoreCase)));

    private static string Where(FlowNode n) => n.Stage is { } s ? $"stage '{s.Key}'" : $"activity '{n.Label}'";

    private void CheckDuplicateStageKeys()
    {
        foreach (var group in nodes.Where(n => n.Stage is not null).GroupBy(n => n.Stage!.Key).Where(g => g.Count() > 1))
            errors.Add(new($"stage '{group.Key}'", $"the key is used by {group.Count()} stages; each stage needs its own key", group.Last().Id));
    }

    private FlowNode? FindStart()
    {
        var starts = nodes.Where(n => n.Type == DealStart).ToList();
        if (starts.Count == 0)
        {
            errors.Add(new("flow", "has no start: add a 'New deal' start activity and connect it to the first stage"));
            return null;
        }
        if (starts.Count > 1)
            errors.Add(new("flow", $"has {starts.Count} start activities; a flow has exactly one", starts[1].Id));
        return starts[0];
    }

    private void CheckPorts(FlowNode node, Dictionary<string, string?> next, Dictionary<string, List<string>> sendBacks)
    {
        var allowed = node.Type switch
        {
            DealStart => new[] { Ports.Done },
            SalesStage => [Ports.Approved, Ports.SentBack],
            _ => [],
        };
        foreach (var edge in Outgoing(node.Id))
        {
            if (!allowed.Contains(edge.Port, StringComparer.OrdinalIgnoreCase))
                errors.Add(new(Where(node), allowed.Length == 0
                    ? "is an end: nothing can follow it"
                    : $"has no port \"{edge.Port}\" (ports: {string.Join(", ", allowed)})", node.Id));
            if (_byId[edge.To].Type == DealStart)
                errors.Add(new(Where(node), "connects back to the start; connect it to a stage instead", node.Id));
        }
        if (node.Type == DealStart && Outgoing(node.Id, Ports.Done).Count() != 1)
            errors.Add(new("start", "must be connected to exactly one first stage", node.Id));
        if (node.Type != SalesStage) return;

        var approved = Outgoing(node.Id, Ports.Approved).ToList();
        if (approved.Count == 0)
            errors.Add(new(Where(node), "'Approved' is not connected: connect it to the next stage or to Deal won", node.Id));
        else if (approved.Count > 1)
            errors.Add(new(Where(node), "'Approved' leads to several activities; it must lead to exactly one", node.Id));
        next[node.Id] = approved.Count == 1 ? approved[0].To : null;

        var targets = new List<string>();
        foreach (var edge in Outgoing(node.Id, Ports.SentBack))
        {
            if (_byId[edge.To].Type != SalesStage)
                errors.Add(new(Where(node), "'Sent back' must lead to a stage the rep redoes", node.Id));
            else if (edge.To != node.Id && !targets.Contains(edge.To))
                targets.Add(edge.To);
        }
        sendBacks[node.Id] = targets;
    }

    private void CheckReachability(string startId, HashSet<string> wonIds)
    {
        var reachable = Walk([startId], id => Outgoing(id).Select(e => e.To));
        foreach (var node in nodes.Where(n => !reachable.Contains(n.Id)))
            errors.Add(new(Where(node), "cannot be reached from the start: connect it or delete it", node.Id));

        var canWin = Walk(wonIds, id => edges.Where(e => e.To == id).Select(e => e.From));
        var stuck = nodes.Where(n => n.Type == SalesStage && reachable.Contains(n.Id) && !canWin.Contains(n.Id)).ToList();
        var reported = new HashSet<string>();
        foreach (var node in stuck)
        {
            if (reported.Contains(node.Id)) continue;
            var loop = FindLoop(node.Id, stuck.Select(s => s.Id).ToHashSet());
            if (loop.Count > 0)
            {
                var path = string.Join(" → ", loop.Append(loop[0]).Select(id => $"'{_byId[id].Stage!.Key}'"));
                errors.Add(new(Where(node), $"stages {path} form a loop with no way out to 'won'", node.Id));
                reported.UnionWith(loop);
            }
            else
            {
                errors.Add(new(Where(node), "has no path to 'won': every stage must be able to lead to a signed contract", node.Id));
                reported.Add(node.Id);
            }
        }
    }

    /// <summary>
    /// A cycle of 'Approved' connections through <paramref name="from"/> inside the stuck set, or empty.
    /// Only approvals move a deal forward, so only they can trap it; a 'Sent back' edge closing a cycle is normal.
    /// </summary>
    private List<string> FindLoop(string from, HashSet<string> stuck)
    {
        var parents = new Dictionary<string, string>();
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var to in Outgoing(id, Ports.Approved).Select(e => e.To).Where(stuck.Contains).Distinct())
            {
                if (to == from)
                {
                    var loop = new List<string> { id };
                    while (loop[^1] != from) loop.Add(parents[loop[^1]]);
                    loop.Reverse();
                    return loop;
                }
                if (parents.TryAdd(to, id)) queue.Enqueue(to);
            }
        }
        return [];
    }

    private static HashSet<string> Walk(IEnumerable<string> seeds, Func<string, IEnumerable<string>> neighbours)
    {
        var seen = new HashSet<string>(seeds);
        var stack = new Stack<string>(seen);
        while (stack.Count > 0)
            foreach (var n in neighbours(stack.Pop()))
                if (seen.Add(n)) stack.Push(n);
        return seen;
    }

    /// <summary>Stages along the approval path first (the order reps experience), then the rest.</summary>
    private IEnumerable<FlowNode> OrderedStages(string firstId, Dictionary<string, string?> next)
    {
        var ordered = new List<FlowNode>();
        for (var id = firstId; id is not null && _byId[id].Stage is not null && ordered.All(n => n.Id != id); id = next[id])
            ordered.Add(_byId[id]);
        return ordered.Concat(nodes.Where(n => n.Stage is not null && !ordered.Contains(n)));
    }
}
