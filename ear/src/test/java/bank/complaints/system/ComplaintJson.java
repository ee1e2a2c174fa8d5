package bank.complaints.system;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** Test data builder for submissions: {@code aComplaint().from("HOTLINE").withMobile(…).json()}. */
final class ComplaintJson {

  private String channel = "MOBILE_APP";
  private String name = "张三";
  private String mobile = "13812345678";
  private String email;
  private String noticeBy;
  private String subject = "信用卡年费被重复扣收";
  private String description = "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。";

  static ComplaintJson aComplaint() {
    return new ComplaintJson();
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

  ComplaintJson withEmail(String email) {
    this.email = email;
    return this;
  }

  ComplaintJson noticeBy(String medium) {
    this.noticeBy = medium;
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
    put(customer, "noticeBy", noticeBy);
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "channel", channel);
    body.add("customer", customer);
    put(body, "subject", subject);
    put(body, "description", description);
    return body.build().toString();
  }

  private static void put(JsonObjectBuilder builder, String key, String value) {
    if (value != null) {
      builder.add(key, value);
    }
  }
}
