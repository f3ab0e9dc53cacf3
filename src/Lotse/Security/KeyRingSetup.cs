using System.Security.Cryptography.X509Certificates;
using Lotse.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Lotse.Security;

/// <summary>
/// The Data Protection key ring (it protects sign-in cookies, antiforgery tokens and second-factor
/// secrets) lives in the database, so that every node shares it. With
/// <c>Lotse:DataProtection:CertificatePath</c> (a PFX file, password in
/// <c>Lotse:DataProtection:CertificatePassword</c>) the keys are encrypted with that certificate
/// before they are stored; without it they are stored as they are, and one line at start-up says so
/// instead of the framework's warning on every new key.
/// </summary>
public static partial class KeyRingSetup
{
    private const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static WebApplicationBuilder AddLotseKeyRing(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Lotse")
            .PersistKeysToDbContext<LotseDbContext>();
        var path = builder.Configuration["Lotse:DataProtection:CertificatePath"];
        if (path is { Length: > 0 })
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["Lotse:DataProtection:CertificatePassword"]));
        }
        else
        {
            // The framework warns at every new key; the explanation below is said once, in plain words.
            builder.Logging.AddFilter(KeyManagerCategory, level => level >= LogLevel.Error);
            builder.Services.AddHostedService<UnprotectedKeyRingNotice>();
        }

        return builder;
    }

    [LoggerMessage(EventId = 1001, Message = "The Data Protection keys (sign-in cookies, antiforgery, second-factor secrets) are stored in the database without encryption: whoever can read the database can forge a sign-in. Set Lotse:DataProtection:CertificatePath to a PFX certificate to encrypt them (README, operation).")]
    private static partial void KeysUnprotected(ILogger logger, LogLevel level);

    /// <summary>Says once at start-up that the key ring is not encrypted: a warning in Production, information elsewhere.</summary>
    private sealed class UnprotectedKeyRingNotice(ILogger<UnprotectedKeyRingNotice> logger, IHostEnvironment environment) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            KeysUnprotected(logger, environment.IsProduction() ? LogLevel.Warning : LogLevel.Information);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
