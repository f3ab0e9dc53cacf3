using System.Threading.Channels;

namespace Lotse.Features.Audit;

/// <summary>Wakes the sealer when new audit entries were saved.</summary>
public sealed class AuditSealSignal
{
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => signal.Writer.TryWrite(true);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await signal.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: seal anyway, entries written inside transactions wait for this round.
        }
    }
}

/// <summary>
/// Seals new audit entries into the hash chain shortly after they are written, on its own
/// connection so that it never waits on the transaction that wrote them.
/// </summary>
public sealed partial class AuditSealer(IServiceScopeFactory scopes, AuditSealSignal signal, ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sealer must outlive a failed round (e.g. the database restarting); the next round retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSealFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit chain failed; retrying.")]
    private static partial void LogSealFailed(ILogger logger, Exception exception);
}
