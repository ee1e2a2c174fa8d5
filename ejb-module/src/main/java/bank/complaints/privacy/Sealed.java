package bank.complaints.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** R-S2: a personal-data column, encrypted in the database and plain in the entity. */
@Converter
public class Sealed implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String plaintext) {
    return PersonalDataKeys.current().seal(plaintext);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return PersonalDataKeys.current().open(stored);
  }
}
