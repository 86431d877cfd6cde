package procurement.review.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a run screens: each file named, and every regular file under each folder named (hidden files and
 * folders left out), in path order. A ZIP download is one file; its reports are read by the importer.
 */
final class InputFiles {

	private InputFiles() {
	}

	/**
	 * @param inputs files and folders as given
	 * @return the files, absolute and normalised, each once, in path order within each input
	 * @throws BadInputException when an input does not exist, or no file was found
	 * @throws IOException when a folder cannot be listed
	 */
	static List<String> expand(List<String> inputs) throws BadInputException, IOException {
		Set<String> files = new LinkedHashSet<>();
		for (String input : inputs) {
			Path path = Path.of(input).toAbsolutePath().normalize();
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile).filter(p -> !hidden(path.relativize(p))).sorted()
							.map(Path::toString).forEach(files::add);
				}
			} else if (Files.isRegularFile(path)) {
				files.add(path.toString());
			} else {
				throw new BadInputException(input + ": no such file or folder");
			}
		}
		if (files.isEmpty()) {
			throw new BadInputException("no file to screen in " + String.join(", ", inputs));
		}
		return List.copyOf(files);
	}

	private static boolean hidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}
}
