using System.Text;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Chuangji.Workflow.BuildingBlocks.Grpc;

/// <summary>
/// The one translation of domain refusals into gRPC statuses with rich details
/// (google.rpc.BadRequest, ResourceInfo, PreconditionFailure, ErrorInfo), used by the
/// Host's interceptor for whole calls and by batch RPCs for their per-row answers.
/// </summary>
public static class DomainErrorStatus
{
    public const string ErrorDomain = "chuangji.workflow";

    public static StatusCode CodeOf(DomainException exception) => exception switch
    {
        InvalidArgumentException => StatusCode.InvalidArgument,
        NotFoundException => StatusCode.NotFound,
        AlreadyExistsException => StatusCode.AlreadyExists,
        FailedPreconditionException => StatusCode.FailedPrecondition,
        ConcurrencyConflictException => StatusCode.Aborted,
        PermissionDeniedException => StatusCode.PermissionDenied,
        _ => throw new ArgumentOutOfRangeException(nameof(exception), exception.GetType().Name, "no status for this refusal"),
    };

    /// <summary>The request fields a refusal names, for callers that show errors next to inputs.</summary>
    public static IReadOnlyList<Errors.FieldViolation> FieldsOf(DomainException exception) => exception switch
    {
        InvalidArgumentException invalid => invalid.Violations,
        NotFoundException missing => [new Errors.FieldViolation(missing.Field, $"{missing.ResourceType} '{missing.ResourceName}' does not exist")],
        AlreadyExistsException exists => exists.Conflicts,
        _ => [],
    };

    /// <summary>"INVALID_ARGUMENT" for <see cref="StatusCode.InvalidArgument"/>: the canonical name.</summary>
    public static string CanonicalName(StatusCode code)
    {
        var name = code.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            // A new word starts at a capital after a small letter: OK stays OK.
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static RpcException ToRpcException(DomainException exception) => ToStatus(exception).ToRpcException();

    /// <summary>The refusal as <c>google.rpc.Status</c> with its details: what gRPC carries in its trailer and HTTP in its body.</summary>
    public static Google.Rpc.Status ToStatus(DomainException exception)
    {
        var status = new Google.Rpc.Status { Code = (int)CodeOf(exception), Message = exception.Message };
        foreach (var detail in DetailsOf(exception))
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    private static IEnumerable<Google.Protobuf.IMessage> DetailsOf(DomainException exception)
    {
        switch (exception)
        {
            case InvalidArgumentException invalid:
                yield return BadRequestOf(invalid.Violations);
                break;
            case NotFoundException missing:
                yield return new ResourceInfo { ResourceType = missing.ResourceType, ResourceName = missing.ResourceName, Description = missing.Message };
                yield return BadRequestOf(FieldsOf(missing));
                break;
            case AlreadyExistsException exists:
                yield return new ResourceInfo { ResourceType = exists.ResourceType, ResourceName = exists.ResourceName, Description = exists.Message };
                yield return BadRequestOf(exists.Conflicts);
                break;
            case FailedPreconditionException precondition:
                yield return new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = "STATE", Subject = precondition.Subject, Description = precondition.Reason } },
                };
                yield return new ErrorInfo
                {
                    Reason = "STATE_DOES_NOT_PERMIT",
                    Domain = ErrorDomain,
                    Metadata =
                    {
                        ["state"] = precondition.State,
                        ["permitted_actions"] = string.Join(",", precondition.PermittedActions),
                    },
                };
                break;
            case ConcurrencyConflictException conflict:
                var info = new ErrorInfo
                {
                    Reason = "CONCURRENT_MODIFICATION",
                    Domain = ErrorDomain,
                    Metadata = { ["resource"] = $"{conflict.ResourceType}/{conflict.ResourceName}" },
                };
                if (conflict.ActualVersion is { } current)
                {
                    info.Metadata["current_version"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                yield return info;
                break;
            case PermissionDeniedException denied:
                yield return new ErrorInfo
                {
                    Reason = "NOT_PERMITTED",
                    Domain = ErrorDomain,
                    Metadata = { ["rpc"] = denied.Rpc, ["role"] = denied.Role },
                };
                break;
        }
    }

    /// <summary>Details travel in a trailer; past a hundred violations, the caller has enough to fix first.</summary>
    private const int MaxDetailedViolations = 100;

    /// <summary>What the violations may take in UTF-8, so the trailers stay a few KB however many fields are bad.</summary>
    private const int MaxDetailedViolationBytes = 1_500;

    private static BadRequest BadRequestOf(IEnumerable<Errors.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        var bytes = 0;
        foreach (var violation in violations.Take(MaxDetailedViolations))
        {
            bytes += Encoding.UTF8.GetByteCount(violation.Field) + Encoding.UTF8.GetByteCount(violation.Description);
            if (bytes > MaxDetailedViolationBytes && badRequest.FieldViolations.Count > 0)
            {
                break;
            }

            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        }

        return badRequest;
    }
}
