package bank.complaints.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bank.complaints.grading.Category;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R-X1: which categories count as the same issue is configuration. */
class RepeatComplaintsTest {

  @Test
  void relatedCategoriesAreConfiguredInGroups() {
    RepeatComplaints repeats = new RepeatComplaints();
    repeats.relatedCategories = Optional.of("FEES+PRODUCT; SYSTEM + SECURITY");
    assertEquals(EnumSet.of(Category.FEES, Category.PRODUCT), repeats.related(Category.FEES));
    assertEquals(EnumSet.of(Category.FEES, Category.PRODUCT), repeats.related(Category.PRODUCT));
    assertEquals(
        EnumSet.of(Category.SYSTEM, Category.SECURITY), repeats.related(Category.SECURITY));
    assertEquals(EnumSet.of(Category.OTHER), repeats.related(Category.OTHER));
  }

  @Test
  void withoutGroupsOnlyTheSameCategoryIsTheSameIssue() {
    RepeatComplaints repeats = new RepeatComplaints();
    repeats.relatedCategories = Optional.empty();
    assertEquals(EnumSet.of(Category.FEES), repeats.related(Category.FEES));
  }
}
