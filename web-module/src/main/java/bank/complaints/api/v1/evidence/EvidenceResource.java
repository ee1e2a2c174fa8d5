package bank.complaints.api.v1.evidence;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.evidence.EvidenceItem;
import bank.complaints.evidence.EvidenceKind;
import bank.complaints.evidence.EvidenceLocker;
import bank.complaints.evidence.EvidencePolicy;
import bank.complaints.evidence.EvidenceSource;
import bank.complaints.evidence.NewEvidence;
import bank.complaints.evidence.UploadedFile;
import bank.complaints.platform.BankZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * R-I5: a case's evidence. Files are uploaded as multipart/form-data (size and content-type
 * limits), external items are registered by link; each item is numbered per case and an uploaded
 * file's SHA-256 is recorded, so the chain of evidence can be checked later.
 */
@Path("v1/complaints/{number}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "404",
    description = "No such complaint or evidence item.",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@Tag(name = "Evidence")
public class EvidenceResource {

  private static final Set<String> TEXT_FIELDS =
      Set.of("source", "kind", "description", "registeredBy");

  @Inject EvidenceLocker evidenceLocker;

  @Inject EvidencePolicy policy;

  @Inject RequestValidation validation;

  @Inject @BankZone ZoneId bankZone;

  @PathParam("number")
  String number;

  @POST
  @Path("files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "uploadEvidenceFile",
      summary = "R-I5: upload an evidence file",
      description =
          "Parts: file (the bytes, with a filename and a content type), kind, description,"
              + " registeredBy, and source (CUSTOMER by default). The file's SHA-256 is recorded.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the new evidence item.",
      headers =
          @Header(
              name = "Location",
              description = "The new evidence item.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = EvidenceView.class)))
  @APIResponse(
      responseCode = "413",
      description = "The file is larger than the limit.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "415",
      description = "A content type that is not accepted as evidence.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "A part missing or invalid, or bytes that are not what the content type says.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = EvidenceUploadForm.class)))
  @Allowed({Role.CHANNEL, Role.HANDLER, Role.SUPERVISOR})
  public Response upload(List<EntityPart> parts) {
    ComplaintNumber complaint = number();
    Map<String, String> fields = new HashMap<>();
    UploadedFile file = null;
    for (EntityPart part : parts) {
      String name = part.getName();
      if ("file".equals(name)) {
        if (file != null) {
          throw new InvalidRequestException("One evidence item carries one file.");
        }
        file = file(part);
      } else if (TEXT_FIELDS.contains(name)) {
        if (fields.put(name, text(part)) != null) {
          throw new InvalidRequestException("The part " + name + " is given twice.");
        }
      } else {
        throw new InvalidRequestException(
            "Unknown part "
                + (name == null ? "(unnamed)" : Params.abbreviate(name))
                + "; parts are file, "
                + TEXT_FIELDS
                + ".");
      }
    }
    if (file == null) {
      throw new InvalidRequestException("The part file (the evidence itself) is missing.");
    }
    String kind = required(fields, "kind");
    String description = required(fields, "description");
    String by = required(fields, "registeredBy");
    if (description.length() > 500 || by.length() > 100) {
      throw new InvalidRequestException(
          "description has at most 500 characters, registeredBy at most 100.");
    }
    NewEvidence evidence =
        EvidenceRequests.evidence(
            fields.containsKey("source") ? enumField(EvidenceSource.class, fields, "source") : null,
            enumField(EvidenceKind.class, fields, "kind"),
            description,
            null);
    EvidenceItem item = evidenceLocker.register(complaint, evidence, file, by);
    return created(item);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerEvidence",
      summary = "R-I5: register an evidence item kept elsewhere (a link) or to follow")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the new evidence item.",
      headers =
          @Header(
              name = "Location",
              description = "The new evidence item.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = EvidenceView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed or invalid body.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.CHANNEL, Role.HANDLER, Role.SUPERVISOR})
  public Response register(EvidenceRequests.Registration body) {
    EvidenceRequests.Registration valid = validation.valid(body);
    EvidenceItem item =
        evidenceLocker.register(number(), valid.toEvidence(), null, valid.registeredBy.strip());
    return created(item);
  }

  @GET
  @Operation(
      operationId = "listEvidence",
      summary = "R-I5: the case's evidence items, in number order")
  @Allowed({
    Role.HANDLER,
    Role.SUPERVISOR,
    Role.DEPARTMENT_HEAD,
    Role.BRANCH_VICE_PRESIDENT,
    Role.HEAD_OFFICE_RISK,
    Role.HEAD_OFFICE_LEGAL,
    Role.EXECUTIVE
  })
  public List<EvidenceView> list() {
    return evidenceLocker.of(number()).stream()
        .map(i -> EvidenceView.of(number, i, bankZone))
        .toList();
  }

  @GET
  @Path("{item}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "getEvidenceContent",
      summary = "R-I5: the bytes of an uploaded evidence file, as received")
  @APIResponse(
      responseCode = "200",
      description = "The file's bytes, with the content type it was uploaded with.",
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @Allowed({
    Role.HANDLER,
    Role.SUPERVISOR,
    Role.DEPARTMENT_HEAD,
    Role.BRANCH_VICE_PRESIDENT,
    Role.HEAD_OFFICE_RISK,
    Role.HEAD_OFFICE_LEGAL,
    Role.EXECUTIVE
  })
  public Response content(@PathParam("item") String item) {
    int itemNumber;
    try {
      itemNumber = Integer.parseInt(item);
    } catch (NumberFormatException e) {
      throw new NotFoundException("No evidence item " + Params.abbreviate(item) + ".");
    }
    EvidenceLocker.EvidenceFile file = evidenceLocker.file(number(), itemNumber);
    return Response.ok(file.content(), file.item().contentType())
        .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded(file))
        .header("Repr-Digest", "sha-256=:" + base64(file.item().sha256()) + ":")
        .build();
  }

  @GET
  @Path("verification")
  @Operation(
      operationId = "verifyEvidence",
      summary = "R-I5: check the chain of evidence",
      description = "Every uploaded file is hashed again and compared with the SHA-256 recorded.")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public EvidenceView.Verification verify() {
    List<EvidenceLocker.Check> checks = evidenceLocker.verify(number());
    List<Integer> broken =
        checks.stream().filter(c -> !c.intact()).map(c -> c.item().number()).toList();
    return new EvidenceView.Verification(broken.isEmpty(), broken, checks.size());
  }

  private Response created(EvidenceItem item) {
    EvidenceView view = EvidenceView.of(number, item, bankZone);
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/complaints/" + number + "/evidence/" + item.number())
        .entity(view)
        .build();
  }

  /** Reads the file part, never more than the limit allows (a larger upload is a 413). */
  private UploadedFile file(EntityPart part) {
    String fileName = part.getFileName().map(String::strip).orElse("");
    if (fileName.isEmpty() || fileName.length() > 255) {
      throw new InvalidRequestException(
          "The file part needs a filename of at most 255 characters.");
    }
    MediaType type = part.getMediaType();
    String contentType = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    if (!policy.accepts(contentType)) {
      throw new NotSupportedException(
          "Evidence of type "
              + contentType
              + " is not accepted; accepted: "
              + policy.contentTypes());
    }
    byte[] content = readAtMost(part.getContent(), policy.maxBytes());
    return new UploadedFile(fileName, contentType, content);
  }

  private static byte[] readAtMost(InputStream in, long limit) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > limit) {
          throw new ClientErrorException(
              "The evidence file is larger than the limit of " + limit + " bytes.",
              Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(EntityPart part) {
    try {
      byte[] bytes = readAtMost(part.getContent(), 4096);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    } catch (ClientErrorException e) {
      throw new InvalidRequestException("The part " + part.getName() + " is too long.");
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException("The part " + name + " is missing or blank.");
    }
    return value;
  }

  private static <E extends Enum<E>> E enumField(
      Class<E> type, Map<String, String> fields, String name) {
    String value = required(fields, name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          name + " must be one of " + List.of(type.getEnumConstants()) + ".");
    }
  }

  private static String encoded(EvidenceLocker.EvidenceFile file) {
    return URLEncoder.encode(file.item().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String base64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private ComplaintNumber number() {
    return Params.complaintNumber(number);
  }
}
