package bank.complaints.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeywordsTest {

  @Test
  @DisplayName(
      "R-G1 R-F1 a rule's keywords match anywhere in the text, whatever the case of either")
  void caseInsensitive() {
    List<String> keywords = Keywords.lowered(Keywords.toColumn(List.of("Annual FEE", "盗刷")));
    assertEquals(List.of("annual fee", "盗刷"), keywords);
    assertTrue(Keywords.holdFor(keywords, Keywords.Text.of("The ANNUAL fee was charged twice")));
    assertTrue(Keywords.holdFor(keywords, Keywords.Text.of("信用卡被盗刷")));
    assertFalse(Keywords.holdFor(keywords, Keywords.Text.of("annual charges")));
  }

  @Test
  @DisplayName("R-G1 R-F1 a rule without keywords sets no condition on the text")
  void none() {
    assertTrue(Keywords.holdFor(Keywords.lowered(null), Keywords.Text.of("任何文字")));
  }
}
