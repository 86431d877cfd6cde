package procurement.review.core.importer.internal.xml;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;

/**
 * Creates StAX readers that refuse DTDs. Aalto is used when it is on the class path because it parses sheet XML
 * about twice as fast as the JDK's parser; the factory is instantiated directly rather than through
 * {@code XMLInputFactory.newFactory()}, whose service lookup depends on the thread's context class loader and
 * behaves differently inside OSGi.
 */
public final class SecureStax {

	private static final XMLInputFactory PREFERRED = createPreferred();

	private SecureStax() {
	}

	/** @return the factory the readers use: Aalto if available, else the JDK's */
	public static XMLInputFactory factory() {
		return PREFERRED;
	}

	/** @return a hardened JDK factory, for comparison in benchmarks */
	public static XMLInputFactory jdkFactory() {
		return harden(XMLInputFactory.newDefaultFactory());
	}

	/** @return a hardened Aalto factory, or {@code null} when Aalto is not on the class path */
	public static XMLInputFactory aaltoFactory() {
		try {
			return harden(new com.fasterxml.aalto.stax.InputFactoryImpl());
		} catch (LinkageError e) {
			return null; // Aalto or stax2-api missing: fine, the JDK parser is the fallback
		}
	}

	/** @return a short name of the parser behind {@link #factory()}, for logs and benchmark output */
	public static String parserName() {
		return PREFERRED.getClass().getName().startsWith("com.fasterxml.aalto") ? "aalto" : "jdk";
	}

	private static XMLInputFactory createPreferred() {
		XMLInputFactory aalto = aaltoFactory();
		return aalto != null ? aalto : jdkFactory();
	}

	private static XMLInputFactory harden(XMLInputFactory factory) {
		trySet(factory, XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		trySet(factory, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		trySet(factory, XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
		trySet(factory, XMLInputFactory.IS_COALESCING, Boolean.FALSE);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("External entity " + systemId + " refused");
		});
		return factory;
	}

	private static void trySet(XMLInputFactory factory, String property, Object value) {
		try {
			factory.setProperty(property, value);
		} catch (IllegalArgumentException e) {
			// Not every parser knows every property; the DTD check in open() is the real guard.
		}
	}

	/**
	 * Creates a reader positioned on the root element. A document type declaration is refused before the
	 * parser could expand any entity it declares.
	 *
	 * @param factory a factory from this class
	 * @param in      the XML bytes
	 * @param what    names the document in messages, e.g. "report.xlsx, part xl/worksheets/sheet1.xml"
	 * @return the reader, its current event is the root START_ELEMENT
	 */
	public static XMLStreamReader open(XMLInputFactory factory, InputStream in, String what)
			throws TableFormatException {
		try {
			XMLStreamReader reader = new Checked(factory.createXMLStreamReader(in));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw new TableFormatException(Reason.MALFORMED, what
							+ " contains a document type declaration (DTD); such XML is refused because it can"
							+ " pull in external files or expand to huge sizes.");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					return reader;
				}
			}
			throw new TableFormatException(Reason.MALFORMED, what + " has no XML root element.");
		} catch (XMLStreamException e) {
			throw malformed(what, e);
		}
	}

	/**
	 * Aalto reports some malformed input with unchecked exceptions (an {@code UncheckedStreamException} when the
	 * input ends inside CDATA read by {@code getElementText}, a plain {@code RuntimeException} for a rebound
	 * {@code xmlns} prefix); found by fuzzing. They become the {@link XMLStreamException} every reader already turns
	 * into a located "not well-formed" refusal, instead of escaping as an internal error.
	 */
	private static final class Checked extends StreamReaderDelegate {

		Checked(XMLStreamReader reader) {
			super(reader);
		}

		@Override
		public int next() throws XMLStreamException {
			try {
				return super.next();
			} catch (RuntimeException e) {
				throw checked(e);
			}
		}

		@Override
		public boolean hasNext() throws XMLStreamException {
			try {
				return super.hasNext();
			} catch (RuntimeException e) {
				throw checked(e);
			}
		}

		@Override
		public String getElementText() throws XMLStreamException {
			try {
				return super.getElementText();
			} catch (RuntimeException e) {
				throw checked(e);
			}
		}

		@Override
		public int nextTag() throws XMLStreamException {
			try {
				return super.nextTag();
			} catch (RuntimeException e) {
				throw checked(e);
			}
		}

		private XMLStreamException checked(RuntimeException e) {
			return SecureStax.checked(e, getLocation());
		}
	}

	/**
	 * The parser error behind an unchecked exception of the parser: Aalto also parses lazily inside methods that
	 * cannot throw one, such as {@code getText()} ({@code &/} in text, found by fuzzing).
	 *
	 * @param e     what the parser threw
	 * @param where the parser's position
	 * @return the parser error to report as "not well-formed"
	 */
	public static XMLStreamException checked(RuntimeException e, Location where) {
		if (e.getCause() instanceof XMLStreamException parserError) {
			return parserError;
		}
		XMLStreamException error = new XMLStreamException(String.valueOf(e.getMessage()), where);
		error.initCause(e);
		return error;
	}

	/** Wraps a parser error with the document name and the parser's position. */
	public static TableFormatException malformed(String what, XMLStreamException e) {
		// A limit hit while the parser was pulling bytes (the zip bomb guard) reaches us wrapped in a parser
		// error; it is the real reason, and the XML itself may be fine.
		for (Throwable t = e.getCause() != null ? e.getCause() : e.getNestedException(); t != null;
				t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TableFormatException refused) {
				return refused;
			}
		}
		for (Throwable t = e.getCause() != null ? e.getCause() : e.getNestedException(); t != null;
				t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.io.IOException io) {
				// The bytes under the parser failed (damaged deflate data in a workbook part), not the XML; the
				// parser's own wrapper message would only name Java types.
				return new TableFormatException(Reason.MALFORMED, what + " cannot be read: its data is damaged or"
						+ " cut short" + (io.getMessage() == null ? "" : " (" + oneLine(io.getMessage()) + ")") + ".",
						e);
			}
		}
		String where = e.getLocation() == null ? ""
				: " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
		return new TableFormatException(Reason.MALFORMED, what + " is not well-formed XML" + where + ": "
				+ parserMessage(e), e);
	}

	/**
	 * The parser's own words without what would make the message more than one plain sentence: the JDK parser
	 * prefixes "ParseError at [row,col]:[..] Message:", Aalto appends "at [row,col {unknown-source}]" on a new
	 * line, and both already are in the location this class adds.
	 */
	static String parserMessage(XMLStreamException e) {
		if (e.getMessage() == null) {
			return "the parser gave no details";
		}
		String message = e.getMessage();
		int jdk = message.indexOf("Message: ");
		if (message.startsWith("ParseError") && jdk >= 0) {
			message = message.substring(jdk + "Message: ".length());
		}
		int location = message.indexOf("\n at [row,col");
		if (location >= 0) {
			message = message.substring(0, location);
		}
		return oneLine(message);
	}

	/**
	 * @param text a message that may quote file content
	 * @return the text with line breaks (and the blanks around them) turned into single spaces
	 */
	public static String oneLine(String text) {
		return text.replaceAll("\\s*[\r\n]+\\s*", " ").strip();
	}
}
