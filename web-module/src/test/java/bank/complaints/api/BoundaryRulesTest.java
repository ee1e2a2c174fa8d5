package bank.complaints.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module mirrors the EJB module's capabilities and only translates (README, "Where to
 * change what"): its capability packages do not form cycles, and no resource reaches the database
 * or the broker itself.
 */
class BoundaryRulesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("bank.complaints.api", "bank.complaints.ops");
  }

  @Test
  void the_capabilities_of_the_api_form_no_cycle() {
    slices().matching("bank.complaints.api.v1.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void resources_translate_and_leave_persistence_to_the_services() {
    noClasses()
        .that()
        .resideInAPackage("bank.complaints.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "jakarta.jms..")
        .check(classes);
  }
}
