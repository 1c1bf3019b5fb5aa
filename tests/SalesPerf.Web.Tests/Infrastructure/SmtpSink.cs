using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (scripts/smtp-sink.py, Debian's python3-aiosmtpd) that stores what it receives.</summary>
public sealed class SmtpSink : IDisposable
{
    private Process? _process;

    public SmtpSink()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("salesperf-smtp-").FullName;

    public void Start()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "smtp-sink.py");
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(), Folder]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("python3 did not start");
        var line = _process.StandardOutput.ReadLine();
        if (line != "ready")
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed? scripts/install-test-deps.sh installs it): {_process.StandardError.ReadToEnd()}");
    }

    public void Stop()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList();

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
