package bank.complaints.api.security;

import bank.complaints.audit.RequestTrace;
import bank.complaints.complaint.CaseOwnership;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.tasks.Dispatch;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * R-S1, in one place: the caller's token has a role the method's {@link Allowed} names, and, for a
 * method on one complaint or one task, that role reaches it (bank-wide, or the complaint's channel,
 * or its department). Anything else is an {@link AccessDeniedException}: a 403 problem, audited.
 * Also gives every request its id ({@code X-Request-Id}, taken from the caller when it sends a
 * sensible one) for the audit log and the response.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter, ContainerResponseFilter {

  static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final String BEARER = "Bearer ";

  @Context ResourceInfo resource;

  @Inject BearerTokens tokens;

  @Inject Caller caller;

  @Inject RequestTrace trace;

  @Inject Complaints complaints;

  @Inject ComplaintChannels channels;

  @Inject Dispatch dispatch;

  @Override
  public void filter(ContainerRequestContext request) {
    String requestId = request.getHeaderString(REQUEST_ID);
    if (requestId == null || !SENSIBLE_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    request.setProperty(REQUEST_ID, requestId);
    caller.authenticate(authenticated(request));
    trace.identify(requestId, caller.name());
    Allowed allowed = resource.getResourceMethod().getAnnotation(Allowed.class);
    Set<Role> granted = caller.grant(allowed == null ? new Role[0] : roles(allowed));
    if (granted.isEmpty()) {
      throw new AccessDeniedException(
          "The caller's roles "
              + caller.roles().stream().map(Role::group).sorted().toList()
              + " do not allow this call.");
    }
    // A bank-wide role reaches every case: no case's owner need be read (issue 18).
    if (caller.reachesEveryCase()) {
      return;
    }
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    Optional<CaseOwnership> owner = Optional.empty();
    if (path.containsKey("number")) {
      owner = ownership(path.getFirst("number"));
    } else if (path.containsKey("taskId")) {
      owner = dispatch.ownershipOfTask(path.getFirst("taskId"));
    }
    // An unknown complaint or task is left to the resource, which answers 404.
    if (owner.isPresent() && !caller.reaches(owner.get())) {
      throw new AccessDeniedException(
          "This complaint or task belongs to another channel or department.");
    }
  }

  /** The roles an operation allows: its own and its groups'. */
  private static Role[] roles(Allowed allowed) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(List.of(allowed.value()));
    for (RoleGroup group : allowed.groups()) {
      roles.addAll(group.roles());
    }
    return roles.toArray(Role[]::new);
  }

  /**
   * The request's bearer token, verified here rather than by the container's authentication
   * mechanism (ADR 0008): {@code Authorization: Bearer <token>}, else a 401.
   */
  private BearerToken authenticated(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new UnauthenticatedException(
          "A valid bearer token from the bank's identity provider is required.");
    }
    return tokens.verify(authorization.substring(BEARER.length()).strip());
  }

  private Optional<CaseOwnership> ownership(String text) {
    ComplaintNumber number = ComplaintNumber.parseOrNull(text);
    if (number == null) {
      return Optional.empty();
    }
    if (caller.reachedByChannelOnly()) {
      // the department is not looked at for a channel's roles: only the channel is read
      return channels.of(number).map(channel -> new CaseOwnership(channel, null));
    }
    return complaints.ownership(number);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object requestId = request.getProperty(REQUEST_ID);
    if (requestId != null) {
      response.getHeaders().putSingle(REQUEST_ID, requestId);
    }
  }
}
