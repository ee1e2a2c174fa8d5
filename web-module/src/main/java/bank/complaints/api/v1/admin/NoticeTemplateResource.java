package bank.complaints.api.v1.admin;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Caller;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.notification.Notice;
import bank.complaints.notification.NoticeTemplate;
import bank.complaints.notification.NoticeTemplates;
import bank.complaints.platform.BankZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the bank words its customer notices: one template per notice, with placeholders. */
@Path("v1/admin/notice-templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class NoticeTemplateResource {

  @Inject NoticeTemplates templates;

  @Inject RequestValidation validation;

  @Inject Caller caller;

  @Inject @BankZone ZoneId bankZone;

  /** A notice's wording as administrators see it. */
  @Schema(name = "NoticeTemplate")
  public record NoticeTemplateView(
      @Schema(example = "ACCEPTANCE") String notice,
      @Schema(
              example =
                  "您的投诉已受理，编号 {number}，我们将于 {contactBy} 前与您联系。 Your complaint is registered as"
                      + " {number}; we will contact you by {contactBy}.")
          String wording,
      @Schema(description = "The placeholders the wording may use") List<String> placeholders,
      String updatedBy,
      OffsetDateTime updatedAt) {}

  /** A notice's new wording. */
  @Schema(name = "NoticeWording")
  public static class Wording {
    @NotBlank
    @Size(max = 4000)
    @Schema(example = "您的投诉 {number} 已受理，我们将于 {contactBy} 前致电您。")
    public String wording;
  }

  @GET
  @Operation(operationId = "listNoticeTemplates", summary = "How each customer notice is worded")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public List<NoticeTemplateView> all() {
    return templates.all().stream().map(this::view).toList();
  }

  @PUT
  @Path("{notice}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rewordNotice",
      summary = "Word a customer notice anew",
      description =
          "Applies to notices sent from now on (on every server within"
              + " complaints.reference.refresh). A placeholder the notice does not have is"
              + " refused.")
  @APIResponse(
      responseCode = "422",
      description = "A placeholder the notice does not have.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No such notice.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public NoticeTemplateView reword(@PathParam("notice") String notice, Wording body) {
    Notice which;
    try {
      which = Notice.valueOf(notice);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No notice " + notice + ".");
    }
    Wording valid = validation.valid(body);
    return view(templates.reword(which, valid.wording.strip(), caller.signature()));
  }

  private NoticeTemplateView view(NoticeTemplate t) {
    return new NoticeTemplateView(
        t.name(),
        t.wording(),
        Notice.valueOf(t.name()).placeholders(),
        t.updatedBy().orElse(null),
        t.updatedAt().map(at -> at.atZone(bankZone).toOffsetDateTime()).orElse(null));
  }
}
