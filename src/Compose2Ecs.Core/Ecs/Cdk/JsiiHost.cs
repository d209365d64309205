using System.Text;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// The one Node.js process the CDK runs in (through jsii) is shared by the whole .NET process
/// and is not safe to call from two threads at once: every CDK use takes <see cref="Gate"/>.
/// Before the first use it silences jsii's Node version warnings and keeps Node 20's
/// end-of-life banner (which no environment variable silences) out of the user's stderr.
/// </summary>
public static class JsiiHost
{
    /// <summary>Held around every CDK call.</summary>
    public static readonly Lock Gate = new();

    private static bool _configured;

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
            Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
            JsiiEnvironment.Configure();

            // jsii copies the lines the Node host prints outside its protocol (the banner among
            // them) to Console.Error. Our own diagnostics go to the writer the CLI captured at
            // start-up, so filtering Console.Error affects only what jsii forwards.
            Console.SetError(new BannerFilter(Console.Error));
            _configured = true;
        }
    }

    /// <summary>Drops the lines of Node's version banner (they start with "!!"), passing everything else on.</summary>
    public sealed class BannerFilter(TextWriter inner) : TextWriter
    {
        private readonly StringBuilder _line = new();
        private readonly Lock _lock = new();

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (_lock)
            {
                if (value == '\n')
                {
                    EmitLine();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override void Flush()
        {
            lock (_lock)
            {
                inner.Flush();
            }
        }

        private void EmitLine()
        {
            var line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            if (!line.StartsWith("!!", StringComparison.Ordinal))
            {
                inner.WriteLine(line);
                inner.Flush();
            }
        }
    }
}
