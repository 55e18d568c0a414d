using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Adds usage accounting to a <see cref="ChatClientBuilder"/>.</summary>
public static class AccountingChatClientBuilderExtensions
{
    /// <summary>Counts requests under <paramref name="role"/>; <paramref name="fallbackEndpoint"/> names failures no endpoint claimed.</summary>
    public static ChatClientBuilder UseAccounting(this ChatClientBuilder builder, UsageLedger ledger, string role, string fallbackEndpoint) =>
        builder.Use(inner => new AccountingChatClient(inner, ledger, role, fallbackEndpoint));
}
