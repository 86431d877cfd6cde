package procurement.review.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.internal.xlsx.XlsxTableReader;
import procurement.review.core.importer.internal.xml.SecureStax;

/**
 * Measures reading costs against their floors on generated 100k-row, 30-column files: CSV against a plain
 * {@code BufferedReader.readLine()} pass, XLSX against a bare StAX pass over the sheet XML, each with Aalto and
 * the JDK parser. Prints the best of several runs after warm-up. Usage: {@code ReadBenchmark [rows] [runs]}.
 */
public final class ReadBenchmark {

	private static final int COLUMNS = 30;

	private ReadBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 *
	 * @param args optional row count (default 100000) and run count (default 5)
	 */
	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Path dir = Files.createTempDirectory("bench");
		Path csv = dir.resolve("bench.csv");
		Path xlsx = dir.resolve("bench.xlsx");
		writeCsv(csv, rows);
		writeXlsx(xlsx, rows);
		System.out.printf(Locale.ROOT, "%d rows x %d columns; CSV %.1f MB, XLSX %.1f MB; default StAX: %s%n", rows,
				COLUMNS, Files.size(csv) / 1e6, Files.size(xlsx) / 1e6, SecureStax.parserName());

		if (runs == 0) {
			return;
		}
		double plain = best(runs, () -> plainLines(csv));
		double library = best(runs, () -> fastCsvAlone(csv));
		double ours = best(runs, () -> readAll(csv));
		System.out.printf(Locale.ROOT, "CSV   plain BufferedReader %7.1f ms | FastCSV alone %7.1f ms (ratio %.2f)"
				+ " | ours %7.1f ms | ratio %.2f%n", plain, library, library / plain, ours, ours / plain);

		XMLInputFactory aalto = SecureStax.aaltoFactory();
		XMLInputFactory jdk = SecureStax.jdkFactory();
		double floorAalto = best(runs, () -> StaxFloor.countElements(xlsx, aalto));
		double oursAalto = best(runs, () -> readXlsx(xlsx, aalto));
		double floorJdk = best(runs, () -> StaxFloor.countElements(xlsx, jdk));
		double oursJdk = best(runs, () -> readXlsx(xlsx, jdk));
		System.out.printf(Locale.ROOT, "XLSX  aalto: floor %7.1f ms | ours %7.1f ms | ratio %.2f%n", floorAalto, oursAalto,
				oursAalto / floorAalto);
		System.out.printf(Locale.ROOT, "XLSX  jdk:   floor %7.1f ms | ours %7.1f ms | ratio %.2f%n", floorJdk, oursJdk,
				oursJdk / floorJdk);
		System.out.printf(Locale.ROOT, "XLSX  ours with aalto vs ours with jdk: %.2f x faster; ours(aalto) / floor(jdk) %.2f%n",
				oursJdk / oursAalto, oursAalto / floorJdk);
		if (System.getProperty("bench.keep") == null) {
			Files.delete(csv);
			Files.delete(xlsx);
			Files.delete(dir);
		} else {
			System.out.println("kept " + dir);
		}
	}

	@FunctionalInterface
	private interface Work {
		long run() throws Exception;
	}

	/** Where results go so that the JIT cannot drop the work that made them; never read. */
	@SuppressWarnings("unused")
	private static long sink;

	private static double best(int runs, Work work) throws Exception {
		for (int i = 0; i < 2; i++) {
			sink += work.run();
		}
		double best = Double.MAX_VALUE;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			sink += work.run();
			best = Math.min(best, (System.nanoTime() - start) / 1e6);
		}
		return best;
	}

	private static long plainLines(Path csv) throws IOException {
		long n = 0;
		try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			String line;
			while ((line = r.readLine()) != null) {
				n += line.length();
			}
		}
		return n;
	}

	/** The library on its own, reading the file itself: the cost of splitting fields into strings at all. */
	private static long fastCsvAlone(Path csv) throws IOException {
		long n = 0;
		try (de.siegmar.fastcsv.reader.CsvReader<String[]> reader = de.siegmar.fastcsv.reader.CsvReader.builder()
				.build(de.siegmar.fastcsv.reader.StringArrayHandler.of(), csv)) {
			for (String[] fields : reader) {
				n += fields.length;
			}
		}
		return n;
	}

	private static final class Counter implements TableHandler {
		long cells;

		@Override
		public boolean row(long rowNumber, String[] c) {
			cells += c.length;
			return true;
		}
	}

	private static long readAll(Path file) throws IOException {
		Counter counter = new Counter();
		try (TableReader reader = TableReaders.open(file)) {
			reader.read(counter, null);
		}
		return counter.cells;
	}

	private static long readXlsx(Path file, XMLInputFactory factory) throws IOException {
		Counter counter = new Counter();
		try (TableReader reader = new XlsxTableReader(file, factory)) {
			reader.read(counter, null);
		}
		return counter.cells;
	}

	private static String text(int row, int col) {
		return switch (col % 6) {
			case 0 -> "PIID" + row;
			case 1 -> "VENDOR NAME " + (row % 997) + ", INC.";
			case 2 -> Integer.toString(row * 31 % 100_000) + "." + (row % 100);
			case 3 -> LocalDate.of(2016, 1, 1).plusDays(row % 3000).toString();
			case 4 -> row % 2 == 0 ? "t" : "f";
			default -> "DEPARTMENT OF THE TREASURY";
		};
	}

	private static void writeCsv(Path file, int rows) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int c = 0; c < COLUMNS; c++) {
				w.write((c == 0 ? "" : ",") + "column_" + c);
			}
			w.write('\n');
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < COLUMNS; c++) {
					String t = text(r, c);
					w.write(c == 0 ? "" : ",");
					w.write(t.indexOf(',') >= 0 ? '"' + t + '"' : t);
				}
				w.write('\n');
			}
		}
	}

	private static void writeXlsx(Path file, int rows) throws IOException {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true); OutputStream out = Files.newOutputStream(file)) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
			Sheet sheet = wb.createSheet("Data");
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS; c++) {
				header.createCell(c).setCellValue("column_" + c);
			}
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < COLUMNS; c++) {
					switch (c % 6) {
						case 2 -> row.createCell(c).setCellValue(Double.parseDouble(text(r, c)));
						case 3 -> {
							var cell = row.createCell(c);
							cell.setCellValue(LocalDate.parse(text(r, c)));
							cell.setCellStyle(date);
						}
						default -> row.createCell(c).setCellValue(text(r, c));
					}
				}
			}
			wb.write(out);
		}
	}
}
