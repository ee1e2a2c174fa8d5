package bank.complaints.complaint;

import bank.complaints.privacy.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The customer a complaint is about, as part of the complaint (R-I3): who they are and how to reach
 * them, sealed at rest (R-S2), with the keyed hashes that find the same customer again without
 * reading a number in full (R-P3 search, R-X1 repeats).
 */
@Embeddable
public class Customer {

  /** R-S2: the customer's name, e-mail and address are sealed at rest like their numbers. */
  @Convert(converter = Sealed.class)
  @Column(name = "customer_name", nullable = false)
  private String name;

  /** R-S2: encrypted at rest; found again only through its keyed hash. */
  @Convert(converter = Sealed.class)
  @Column(name = "customer_mobile", nullable = false)
  private String mobile;

  @Column(name = "customer_mobile_hash", nullable = false, updatable = false)
  private String mobileHash;

  @Convert(converter = Sealed.class)
  @Column(name = "customer_email")
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type")
  private IdentityDocument.Type idType;

  /** R-S2: personal data, encrypted at rest and masked wherever shown. */
  @Convert(converter = Sealed.class)
  @Column(name = "id_number")
  private String idNumber;

  /** R-S2: the keyed hash that finds the same customer across complaints. */
  @Column(name = "id_number_hash", updatable = false)
  private String idNumberHash;

  /** R-X1: who the customer is for repeat recognition: the ID number's hash, else the mobile's. */
  @Column(name = "customer_key", updatable = false)
  private String key;

  @Convert(converter = Sealed.class)
  @Column(name = "customer_address")
  private String address;

  protected Customer() {}

  Customer(String name, String mobile, String email, IdentityDocument identity, String address) {
    this.name = name;
    this.mobile = mobile;
    this.email = email;
    if (identity != null) {
      this.idType = identity.type();
      this.idNumber = identity.number();
    }
    this.address = address;
  }

  /**
   * R-S2, R-X1: the keyed hashes of the mobile and the ID number, and the key that recognises the
   * customer (the ID number's hash, else the mobile's).
   */
  void keyLookups(UnaryOperator<String> keyedHash) {
    this.mobileHash = keyedHash.apply(mobile);
    this.idNumberHash = idNumber == null ? null : keyedHash.apply(idNumber);
    this.key = idNumberHash != null ? idNumberHash : mobileHash;
  }

  public String name() {
    return name;
  }

  public String mobile() {
    return mobile;
  }

  public String email() {
    return email;
  }

  public Optional<IdentityDocument> identity() {
    return idType == null ? Optional.empty() : Optional.of(new IdentityDocument(idType, idNumber));
  }

  public String address() {
    return address;
  }

  /**
   * R-X1: what recognises a customer across complaints, before it is hashed into {@link #key}: the
   * ID number, else the mobile.
   */
  public static String recognisedBy(IdentityDocument identity, String mobile) {
    return identity != null ? identity.number() : mobile;
  }

  /** R-X1: the key that recognises the customer across complaints. */
  public String key() {
    return key;
  }
}
