package procurement.review.screening;

import java.util.List;

/**
 * What a run did, as {@code summary.json} holds it.
 *
 * @param files          the input files found (a ZIP download counts once)
 * @param rows           the data rows read
 * @param hitRows        the rows with at least one hit
 * @param hits           the hits (a row hit by several rules or families counts once for each)
 * @param vendorsMatched the distinct vendors matched by identifier, name or parent (by UEI, else DUNS, else
 *                       normalised name)
 * @param seconds        the run's wall time
 * @param master         the Spark master URL used
 * @param problems       the files that could not be read, each with its one-sentence reason
 */
public record Summary(long files, long rows, long hitRows, long hits, long vendorsMatched, double seconds,
		String master, List<Problem> problems) {

	/**
	 * A file that could not be read.
	 *
	 * @param file    the file
	 * @param message why, in one sentence naming it
	 */
	public record Problem(String file, String message) {
	}

	/** @return the summary as one JSON object */
	public String json() {
		StringBuilder json = new StringBuilder("{");
		json.append("\"files\":").append(files).append(",\"rows\":").append(rows).append(",\"hit_rows\":")
				.append(hitRows).append(",\"hits\":").append(hits).append(",\"vendors_matched\":")
				.append(vendorsMatched).append(",\"seconds\":").append(Math.round(seconds * 1000) / 1000.0)
				.append(",\"master\":");
		string(json, master);
		json.append(",\"problems\":").append(problems.size()).append(",\"problem_files\":[");
		for (int i = 0; i < problems.size(); i++) {
			json.append(i == 0 ? "{\"file\":" : ",{\"file\":");
			string(json, problems.get(i).file());
			json.append(",\"message\":");
			string(json, problems.get(i).message());
			json.append('}');
		}
		return json.append("]}").toString();
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '"' -> json.append("\\\"");
			case '\\' -> json.append("\\\\");
			case '\n' -> json.append("\\n");
			case '\r' -> json.append("\\r");
			case '\t' -> json.append("\\t");
			default -> {
				if (c < 0x20) {
					json.append(String.format("\\u%04x", (int) c));
				} else {
					json.append(c);
				}
			}
			}
		}
		json.append('"');
	}
}
