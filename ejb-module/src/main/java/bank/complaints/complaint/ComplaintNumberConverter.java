package bank.complaints.complaint;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class ComplaintNumberConverter implements AttributeConverter<ComplaintNumber, String> {

  @Override
  public String convertToDatabaseColumn(ComplaintNumber number) {
    return number == null ? null : number.value();
  }

  @Override
  public ComplaintNumber convertToEntityAttribute(String value) {
    return value == null ? null : new ComplaintNumber(value);
  }
}
