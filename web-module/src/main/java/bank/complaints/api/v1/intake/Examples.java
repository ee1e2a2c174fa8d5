package bank.complaints.api.v1.intake;

/**
 * Worked examples for the OpenAPI document, so that a channel team can copy a request that works
 * and recognise the problems it may get back.
 */
final class Examples {

  private Examples() {}

  static final String FEE_COMPLAINT =
      """
      {
        "channel": "MOBILE_APP",
        "feedbackType": "COMPLAINT",
        "customer": {
          "name": "张三",
          "mobile": "13812345678",
          "email": "zhangsan@example.com",
          "idType": "ID_CARD",
          "idNumber": "11010519491231002X",
          "noticeBy": "SMS"
        },
        "accounts": [ { "kind": "CARD", "number": "6222020200112233446" } ],
        "subject": "信用卡年费被重复扣收",
        "description": "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。",
        "occurredAt": "2026-11-20T09:30:00+08:00",
        "occurredWhere": "手机银行",
        "productsInvolved": [ "白金信用卡" ],
        "demand": { "type": "REFUND", "amount": 300.00, "note": "退还多扣的年费" },
        "evidence": [
          { "kind": "TRANSACTION_SCREENSHOT", "description": "扣费短信截图，随后上传" }
        ]
      }""";

  static final String COUNTER_COMPLAINT =
      """
      {
        "channel": "BRANCH_COUNTER",
        "customer": { "name": "李四", "mobile": "13912345678" },
        "subject": "排队时间过长",
        "description": "办理挂失排队一个多小时，只开了一个窗口。",
        "occurredAt": "2026-11-20T10:00:00+08:00",
        "occurredWhere": "北京朝阳支行营业厅",
        "staffInvolved": [ { "name": "王五", "employeeId": "E10023", "unit": "朝阳支行" } ],
        "receivedAt": "2026-11-20T11:20:00+08:00",
        "receivedBy": "大堂经理 赵六"
      }""";

  static final String VALIDATION_PROBLEM =
      """
      {
        "type": "https://complaints.bank/problems/invalid-request",
        "title": "Invalid request",
        "status": 400,
        "detail": "1 field(s) are invalid.",
        "instance": "urn:uuid:3f1c8a52-9a55-4a5e-9f0c-2b8f8a1d7e41",
        "errors": [
          { "field": "customer.mobile", "message": "must be a mainland mobile number of 11 digits" }
        ]
      }""";

  static final String UNPROCESSABLE_PROBLEM =
      """
      {
        "type": "https://complaints.bank/problems/invalid-request",
        "title": "Unprocessable request",
        "status": 422,
        "detail": "The Idempotency-Key 'app-42' was used for a different submission from MOBILE_APP; use a new key for a new complaint.",
        "instance": "urn:uuid:8d0c3b7e-1f2a-4c5d-9e6f-7a8b9c0d1e2f"
      }""";
}
