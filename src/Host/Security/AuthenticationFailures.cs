using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Why a call's token was refused, in words a campus system's developer can act on: which class of failure, never
/// anything of the key or the token itself.
/// </summary>
internal static class AuthenticationFailures
{
    public static string Describe(Exception? failure, string authorizationHeader) => failure switch
    {
        null when authorizationHeader.Length == 0 => "no bearer token: send 'authorization: Bearer <token>' (docs/security.md)",
        null when !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "the authorization header is not 'Bearer <token>'",
        null => "no valid bearer token",
        SecurityTokenExpiredException => "the token has expired: ask for a new one",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is meant for another service (its audience is not this service's)",
        SecurityTokenInvalidIssuerException => "the token was issued by someone this service does not trust (its issuer)",
        SecurityTokenInvalidAlgorithmException => "the token is signed with an algorithm this service does not accept (HS256 only)",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not match this service's key",
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => "the token has no valid lifetime",
        SecurityTokenMalformedException or ArgumentException => "the bearer value is not a well-formed token",
        _ => "the token was refused",
    };
}
