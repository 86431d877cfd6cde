package procurement.review.core.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: reads a whole file into memory, sheet by sheet. */
public final class Collected implements TableHandler {

	/** Rows per sheet in order; each entry is {rowNumber, cells}. */
	public final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();
	/** Every sheet started, in order, a name again if it started again. */
	public final List<String> started = new ArrayList<>();
	public final List<ReadProblem> problems = new ArrayList<>();
	public long progress;
	public TableFormat format;
	private List<Object[]> current;

	public static Collected read(Path file) throws IOException {
		Collected c = new Collected();
		try (TableReader reader = TableReaders.open(file)) {
			c.format = reader.format();
			reader.read(c, n -> c.progress += n);
		}
		return c;
	}

	@Override
	public void startSheet(String sheetName) {
		started.add(sheetName);
		current = new ArrayList<>();
		sheets.put(sheetName, current);
	}

	@Override
	public boolean row(long rowNumber, String[] cells) {
		current.add(new Object[] {rowNumber, cells});
		return true;
	}

	@Override
	public void problem(ReadProblem problem) {
		problems.add(problem);
	}

	public List<Object[]> only() {
		return sheets.values().iterator().next();
	}

	public String[] cells(String sheet, int index) {
		return (String[]) sheets.get(sheet).get(index)[1];
	}

	public String[] cells(int index) {
		return (String[]) only().get(index)[1];
	}

	public long rowNumber(String sheet, int index) {
		return (Long) sheets.get(sheet).get(index)[0];
	}
}
