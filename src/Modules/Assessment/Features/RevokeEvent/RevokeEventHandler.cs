using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.RevokeEvent;

internal sealed record RevokeFactCommand(long FactId, string Reason, string RevokedBy);

/// <summary>
/// Revokes a fact (the RPC keeps the v1 name RevokeEvent; ADR 13). A correction: the fact stays, marked
/// revoked with who, when and why; it no longer counts from then on.
/// </summary>
internal sealed class RevokeEventHandler(AssessmentDbContext db, CollegeClock clock)
{
    public async Task<Fact> HandleAsync(RevokeFactCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if (command.FactId <= 0)
        {
            violations.Add("fact_id", "is required");
        }

        var reason = TextField.Required(violations, "reason", command.Reason, 500);
        var revokedBy = TextField.Optional(violations, "revoked_by", command.RevokedBy, 64);
        violations.ThrowIfAny();

        var fact = await db.Facts.SingleOrDefaultAsync(f => f.Id == command.FactId, cancellationToken)
            ?? throw new NotFoundException("fact", command.FactId.ToString(System.Globalization.CultureInfo.InvariantCulture), "fact_id");
        if (fact.IsRevoked)
        {
            // A retry of the same revocation is answered as it was; a second, different one is refused.
            return fact.RevocationReason == reason
                ? fact
                : throw new FailedPreconditionException($"fact {fact.Id}", "REVOKED", [], $"it was revoked already: {fact.RevocationReason}");
        }

        fact.Revoke(reason!, revokedBy!, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request revoked it first: a retry of this very revocation is answered with that one.
            db.ChangeTracker.Clear();
            var winner = await db.Facts.AsNoTracking().SingleAsync(f => f.Id == command.FactId, cancellationToken);
            return winner.RevocationReason == reason
                ? winner
                : throw new ConcurrencyConflictException("fact", winner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, winner.Version);
        }

        return fact;
    }
}
