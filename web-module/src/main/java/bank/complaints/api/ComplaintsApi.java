package bank.complaints.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API. Callers authenticate with a bearer token (a MicroProfile JWT) signed by the bank's
 * identity provider, verified by bank.complaints.api.security.AccessControl itself (ADR 0008), not
 * by a container authentication mechanism; see that package for who may call what.
 */
@ApplicationPath("api")
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A token from the bank's identity provider: groups name the roles (channel, handler,"
            + " supervisor, department-head, branch-vice-president, head-office-risk,"
            + " head-office-legal, executive, manager, administrator); channel systems carry a"
            + " channel claim, department staff a department claim.")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Complaint handling API",
            version = "1",
            description =
                "Channel and core-banking systems submit customer complaints and follow their progress;"
                    + " bank staff handle them. Every call carries a bearer token (401 without one;"
                    + " 403 when its roles or scope do not allow the call)."
                    + " Errors are RFC 9457 problem documents (application/problem+json).",
            license = @License(name = "Proprietary: for the bank's own and partner systems")),
    tags = {
      @Tag(name = "Complaints", description = "Submit a complaint and search complaints."),
      @Tag(
          name = "Case handling",
          description =
              "A complaint's progress and every step of its handling: investigation, resolution,"
                  + " approval, the customer's answer, archiving, and its deadlines."),
      @Tag(name = "Evidence", description = "R-I5: the evidence of a complaint and its files."),
      @Tag(name = "Incidents", description = "R-X2: mass-complaint incidents."),
      @Tag(
          name = "Statistics",
          description =
              "R-M1, R-M4: management statistics; the regulator's return; R-M2 the quarterly"
                  + " analysis."),
      @Tag(
          name = "Management review",
          description = "R-M3: improvement actions on the weaknesses found, tracked until done."),
      @Tag(name = "Department tasks", description = "Results of department tasks over HTTP."),
      @Tag(
          name = "Administration",
          description =
              "Calendars, deadlines, grading and routing rules, departments, and operations' tools.")
    })
public class ComplaintsApi extends Application {}
