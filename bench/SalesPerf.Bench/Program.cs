using SalesPerf.Bench;

// dotnet run -c Release --project bench/SalesPerf.Bench -- [transitions [--deals N] | sweep | close [--deals N] [--days N] [--follow-ups N] [--keep DIR] | load [--deals N] [--requests N] [--only deals,team,dashboard,studio] | reports [--documents N]]
var deals = args.SkipWhile(a => a != "--deals").Skip(1).Select(int.Parse).FirstOrDefault(1000);
var what = args.FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _)) ?? "transitions";
switch (what)
{
    case "sweep":
        await SweepBenchmark.RunAsync([10_000, 100_000]);
        break;
    case "load":
        var requests = args.SkipWhile(a => a != "--requests").Skip(1).Select(int.Parse).FirstOrDefault(100);
        var only = args.SkipWhile(a => a != "--only").Skip(1).Take(1).SelectMany(a => a.Split(',')).ToList();
        await LoadBenchmark.RunAsync(args.Contains("--deals") ? deals : 10_000, requests, warmupPerLoop: 10, only);
        break;
    case "close":
        var days = args.SkipWhile(a => a != "--days").Skip(1).Select(int.Parse).FirstOrDefault(270);
        var followUps = args.SkipWhile(a => a != "--follow-ups").Skip(1).Select(int.Parse).FirstOrDefault(1);
        await CloseBenchmark.RunAsync(args.Contains("--deals") ? deals : 100_000, days, followUps, args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault());
        break;
    case "reports":
        ReportBenchmark.Run(args.SkipWhile(a => a != "--documents").Skip(1).Select(int.Parse).FirstOrDefault(300));
        break;
    case "transitions":
        await TransitionBenchmark.RunAsync(deals);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{what}'. Available: transitions, sweep, close, load, reports");
        return 2;
}
return 0;
