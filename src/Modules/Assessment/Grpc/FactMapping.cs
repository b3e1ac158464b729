using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Facts.Registration;
using Google.Protobuf.WellKnownTypes;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

internal static class FactMapping
{
    public static FactInputRow ToInput(this Proto.FactInput? input) => input is null
        ? new FactInputRow(string.Empty, string.Empty, string.Empty, null, string.Empty, string.Empty, string.Empty, string.Empty)
        : new FactInputRow(
            input.StaffNumber,
            input.Kind,
            input.OccurredOn,
            input.HasCount ? input.Count : null,
            input.Points,
            input.Note,
            CallerIdentity.Or(input.RecordedBy),
            input.RequestId);

    public static Proto.Fact ToProto(this Fact fact)
    {
        var proto = new Proto.Fact
        {
            FactId = fact.Id,
            StaffNumber = fact.StaffNumber,
            Kind = fact.Kind,
            OccurredOn = BuildingBlocks.Validation.IsoDate.Format(fact.OccurredOn),
            Count = fact.Count,
            Points = DecimalText.Format(fact.Points),
            Note = fact.Note,
            RecordedBy = fact.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(fact.RecordedAtUtcTicks, TimeSpan.Zero)),
            RequestId = fact.RequestId,
        };
        if (fact.RevokedAtUtcTicks is { } revokedAt)
        {
            proto.Revocation = new Proto.Revocation
            {
                Reason = fact.RevocationReason,
                RevokedBy = fact.RevokedBy,
                RevokedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(revokedAt, TimeSpan.Zero)),
            };
        }

        return proto;
    }

    public static Proto.RecordEventResult ToProto(this RecordOutcome outcome)
    {
        var result = new Proto.RecordEventResult
        {
            Row = outcome.Row,
            Outcome = outcome.Result switch
            {
                FactWriteResult.Recorded => Proto.RecordOutcome.Recorded,
                FactWriteResult.Replayed => Proto.RecordOutcome.Replayed,
                _ => Proto.RecordOutcome.Rejected,
            },
        };
        if (outcome.Fact is { } fact)
        {
            result.Fact = fact.ToProto();
        }

        if (outcome.Error is { } error)
        {
            result.Error = error.ToRowError();
        }

        return result;
    }

    private static Proto.RowError ToRowError(this DomainException error)
    {
        var rowError = new Proto.RowError { Code = DomainErrorStatus.CanonicalName(DomainErrorStatus.CodeOf(error)), Message = error.Message };
        foreach (var field in DomainErrorStatus.FieldsOf(error))
        {
            rowError.FieldViolations.Add(new Proto.FieldViolation { Field = field.Field, Description = field.Description });
        }

        return rowError;
    }
}
