package bank.complaints.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Complaint handling API",
            version = "1",
            description =
                "Channel and core-banking systems submit customer complaints and follow their progress."
                    + " Errors are RFC 9457 problem documents (application/problem+json)."))
public class ComplaintsApi extends Application {}
