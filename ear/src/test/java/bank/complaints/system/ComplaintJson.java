package bank.complaints.system;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Test data builder for submissions: {@code aComplaint().from("HOTLINE").withMobile(…).json()}. */
final class ComplaintJson {

  private String channel = "MOBILE_APP";
  private String name = "张三";
  // A customer of their own per complaint, so that unrelated tests never read as one customer's
  // repeat complaints (R-X1).
  private String mobile = Customers.mobile();
  private String email;
  private String address;
  private String idType;
  private String idNumber;
  private String cardNumber;
  private String receivedBy;
  private String receivedAt;
  private String feedbackType;
  private String demandType;
  private String demandAmount;
  private String noticeBy;
  private String resultBy;
  private String subject = "信用卡年费被重复扣收";
  private String description = "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。";
  private String occurredAt;
  private String occurredWhere;
  // Kept as lists: a builder is emptied by build(), and json() may be called more than once.
  private final List<JsonValue> staff = new ArrayList<>();
  private final List<JsonValue> products = new ArrayList<>();
  private final List<JsonValue> evidence = new ArrayList<>();

  static ComplaintJson aComplaint() {
    return new ComplaintJson();
  }

  /** The mobile this submission carries. */
  String mobile() {
    return mobile;
  }

  /** The mobile as every response and message shows it (R-S2): 158****1234. */
  String maskedMobile() {
    return mobile.substring(0, 3) + "****" + mobile.substring(7);
  }

  ComplaintJson from(String channel) {
    this.channel = channel;
    return this;
  }

  ComplaintJson withCustomer(String name, String mobile) {
    this.name = name;
    this.mobile = mobile;
    return this;
  }

  ComplaintJson livingAt(String address) {
    this.address = address;
    return this;
  }

  ComplaintJson withEmail(String email) {
    this.email = email;
    return this;
  }

  /** R-I3: the customer's identity document. */
  ComplaintJson withIdentity(String type, String number) {
    this.idType = type;
    this.idNumber = number;
    return this;
  }

  /** R-I3: a card the complaint concerns. */
  ComplaintJson aboutCard(String number) {
    this.cardNumber = number;
    return this;
  }

  /** R-F5: how the customer wants the result. */
  ComplaintJson resultBy(String medium) {
    this.resultBy = medium;
    return this;
  }

  ComplaintJson noticeBy(String medium) {
    this.noticeBy = medium;
    return this;
  }

  /** R-I6: who recorded it; hotline, counter and letter complaints get a default. */
  ComplaintJson receivedBy(String staff) {
    this.receivedBy = staff;
    return this;
  }

  ComplaintJson receivedAt(String isoOffsetDateTime) {
    this.receivedAt = isoOffsetDateTime;
    return this;
  }

  ComplaintJson feedback(String type) {
    this.feedbackType = type;
    return this;
  }

  /** R-I4: a demand; the amount as JSON number text, e.g. 5000.50. */
  ComplaintJson demanding(String type, String amount) {
    this.demandType = type;
    this.demandAmount = amount;
    return this;
  }

  /** R-I4: when (ISO offset date-time) and where it happened. */
  ComplaintJson happened(String isoOffsetDateTime, String where) {
    this.occurredAt = isoOffsetDateTime;
    this.occurredWhere = where;
    return this;
  }

  /** R-I4: a staff member the complaint names. */
  ComplaintJson naming(String staffName, String employeeId, String unit) {
    JsonObjectBuilder member = Json.createObjectBuilder();
    put(member, "name", staffName);
    put(member, "employeeId", employeeId);
    put(member, "unit", unit);
    staff.add(member.build());
    return this;
  }

  /** R-I4: a product concerned. */
  ComplaintJson concerning(String product) {
    products.add(Json.createValue(product));
    return this;
  }

  /** R-I5: an evidence item offered with the complaint (link may be null: to follow). */
  ComplaintJson offering(String kind, String evidenceDescription, String link) {
    JsonObjectBuilder item = Json.createObjectBuilder();
    put(item, "kind", kind);
    put(item, "description", evidenceDescription);
    put(item, "link", link);
    evidence.add(item.build());
    return this;
  }

  /** R-I4: the detailed description (by default a card-fee story). */
  ComplaintJson describing(String description) {
    this.description = description;
    return this;
  }

  ComplaintJson about(String subject) {
    this.subject = subject;
    return this;
  }

  String json() {
    JsonObjectBuilder customer = Json.createObjectBuilder();
    put(customer, "name", name);
    put(customer, "mobile", mobile);
    put(customer, "email", email);
    put(customer, "address", address);
    put(customer, "noticeBy", noticeBy);
    put(customer, "resultBy", resultBy);
    put(customer, "idType", idType);
    put(customer, "idNumber", idNumber);
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "channel", channel);
    body.add("customer", customer);
    put(body, "subject", subject);
    put(body, "description", description);
    put(body, "feedbackType", feedbackType);
    if (cardNumber != null) {
      body.add(
          "accounts",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("kind", "CARD").add("number", cardNumber)));
    }
    put(body, "receivedAt", receivedAt);
    put(body, "occurredAt", occurredAt);
    put(body, "occurredWhere", occurredWhere);
    addIfAny(body, "staffInvolved", staff);
    addIfAny(body, "productsInvolved", products);
    addIfAny(body, "evidence", evidence);
    String staff = receivedBy;
    if (staff == null
        && channel != null
        && List.of("HOTLINE", "BRANCH_COUNTER", "LETTER").contains(channel)) {
      staff = "受理员 测试";
    }
    put(body, "receivedBy", staff);
    if (demandType != null) {
      JsonObjectBuilder demand = Json.createObjectBuilder().add("type", demandType);
      if (demandAmount != null) {
        demand.add("amount", new BigDecimal(demandAmount));
      }
      body.add("demand", demand);
    }
    return body.build().toString();
  }

  private static void addIfAny(JsonObjectBuilder builder, String key, List<JsonValue> values) {
    if (!values.isEmpty()) {
      builder.add(key, Json.createArrayBuilder(values));
    }
  }

  private static void put(JsonObjectBuilder builder, String key, String value) {
    if (value != null) {
      builder.add(key, value);
    }
  }
}
