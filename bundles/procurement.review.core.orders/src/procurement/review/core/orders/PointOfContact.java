package procurement.review.core.orders;

/**
 * Who to call about an order (BOD 17-01 plan element b).
 *
 * @param name  name
 * @param phone phone number
 * @param email e-mail address
 */
public record PointOfContact(String name, String phone, String email) {

	/**
	 * Replaces null texts with empty ones.
	 *
	 * @param name  name
	 * @param phone phone
	 * @param email e-mail
	 */
	public PointOfContact {
		name = name == null ? "" : name;
		phone = phone == null ? "" : phone;
		email = email == null ? "" : email;
	}

	/**
	 * The non-blank parts joined with ", ".
	 *
	 * @return e.g. "Jane Roe, 202-555-0100, jane.roe@example.gov"; empty when nothing is known
	 */
	public String asText() {
		StringBuilder sb = new StringBuilder();
		for (String s : new String[] {name, phone, email}) {
			if (!s.isBlank()) {
				if (sb.length() > 0) {
					sb.append(", ");
				}
				sb.append(s.strip());
			}
		}
		return sb.toString();
	}
}
