package procurement.review.core.importer.internal.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.internal.xml.SecureStax;

/**
 * The byte-level tokenizer under the worksheet reader, on its own, against StAX: on random documents (prefixes,
 * attributes in both quotes with references, comments, processing instructions, CDATA, text between elements,
 * empty-element tags, text-only elements read whole), read with buffers from 16 bytes up, both see the same tags,
 * attributes and texts.
 */
class XmlTokenizerTest {

	private static final String[] NAMES = { "a", "p:b", "row", "c" };

	@Test
	void agreesWithStaxOnRandomDocuments() throws IOException, XMLStreamException {
		Random random = new Random(20261207);
		for (int round = 0; round < 500; round++) {
			String xml = randomDocument(random);
			List<String> stax = stax(xml);
			int buffer = 16 + random.nextInt(round % 2 == 0 ? 48 : 2048);
			assertEquals(stax, tokens(xml, buffer), () -> "buffer " + buffer + ", document: " + xml);
		}
	}

	@Test
	void refusesWhatIsNotWellFormedWithItsLine() {
		for (String bad : new String[] { "<doc><a></b></doc>", "<doc>\n<a>", "<doc></doc></a>",
				"<doc><t>1<b/></t></doc>", "<doc><t>&bogus;</t></doc>", "<doc><a x=1/></doc>" }) {
			TableFormatException e = assertThrows(TableFormatException.class, () -> tokens(bad, 16), bad);
			assertTrue(e.getMessage().startsWith("test is not well-formed XML (line "), e.getMessage());
		}
		TableFormatException unclosed = assertThrows(TableFormatException.class, () -> tokens("<doc>\n<a>", 16));
		assertTrue(unclosed.getMessage().contains("(line 2): the part ends inside the element <a>"),
				unclosed.getMessage());
		TableFormatException dtd = assertThrows(TableFormatException.class,
				() -> tokens("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><doc/>", 16));
		assertTrue(dtd.getMessage().contains("document type declaration"), dtd.getMessage());
	}

	private static String randomDocument(Random random) {
		StringBuilder xml = new StringBuilder();
		if (random.nextBoolean()) {
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		}
		xml.append("<doc xmlns:p=\"urn:test\">");
		children(random, xml, 0);
		return xml.append("</doc>").toString();
	}

	private static void children(Random random, StringBuilder xml, int depth) {
		for (int n = random.nextInt(5); n > 0; n--) {
			switch (random.nextInt(8)) {
				case 0 -> xml.append(random.nextBoolean() ? "<!-- a note > with - a dash -->" : "<?pi data?>");
				case 1 -> xml.append(random.nextBoolean() ? "\n  words between &amp; nothing " : "<![CDATA[ <x> ]]>");
				case 2, 3 -> {
					String t = random.nextBoolean() ? "t" : "p:t";
					xml.append('<').append(t).append(attributes(random)).append('>').append(text(random)).append("</")
							.append(t).append('>');
				}
				default -> {
					String name = NAMES[random.nextInt(NAMES.length)];
					xml.append('<').append(name).append(attributes(random));
					if (depth >= 3 || random.nextInt(4) == 0) {
						xml.append(random.nextBoolean() ? "/>" : " />");
					} else {
						xml.append(random.nextBoolean() ? ">" : "\n>");
						children(random, xml, depth + 1);
						xml.append("</").append(name).append(random.nextBoolean() ? ">" : " >");
					}
				}
			}
		}
	}

	private static String attributes(Random random) {
		StringBuilder out = new StringBuilder();
		String[] names = { "r", "s", "p:t", "spans" };
		for (int i = 0, n = random.nextInt(3); i < n; i++) {
			String quote = random.nextBoolean() ? "\"" : "'";
			out.append(random.nextBoolean() ? " " : "\n\t").append(names[i]).append(random.nextBoolean() ? "=" : " = ")
					.append(quote).append(random.nextBoolean() ? "A" + random.nextInt(99) : "x &amp; &#233;&#x4E2D;")
					.append(quote);
		}
		return out.toString();
	}

	private static String text(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> "";
			case 1 -> "plain " + random.nextInt(1000);
			case 2 -> "A &amp; B &lt;C&gt; &quot;&apos; &#233;&#x4E2D; ÉLAN";
			case 3 -> "before<!-- note --><![CDATA[<not markup>]]><?pi?>after";
			default -> "x".repeat(random.nextInt(200));
		};
	}

	private static List<String> stax(String xml) throws IOException, XMLStreamException {
		XMLStreamReader r = SecureStax.open(SecureStax.factory(),
				new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
		List<String> events = new ArrayList<>(List.of("<doc>")); // open() returns on the root element
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				StringBuilder tag = new StringBuilder("<").append(r.getLocalName());
				if (!r.getLocalName().equals("doc")) {
					for (int i = 0; i < r.getAttributeCount(); i++) {
						tag.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
					}
				}
				events.add(tag.append('>').toString());
				if (r.getLocalName().equals("t")) {
					events.add("text " + r.getElementText());
					events.add("</t>");
				}
			} else if (event == XMLStreamConstants.END_ELEMENT) {
				events.add("</" + r.getLocalName() + ">");
			}
		}
		return events;
	}

	private static List<String> tokens(String xml, int buffer) throws IOException {
		List<String> events = new ArrayList<>();
		XmlTokenizer tokens = new XmlTokenizer(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test",
				buffer);
		assertTrue(tokens.prolog());
		for (int token; (token = tokens.next()) != XmlTokenizer.END_OF_DOCUMENT;) {
			String name = string(tokens, tokens.localStart(), tokens.nameEnd());
			if (token == XmlTokenizer.END_TAG) {
				events.add("</" + name + ">");
				continue;
			}
			StringBuilder tag = new StringBuilder("<").append(name);
			if (!name.equals("doc")) {
				for (int i = 0; i < tokens.attributeCount(); i++) {
					tag.append(' ').append(string(tokens, tokens.attributeNameStart(i), tokens.attributeNameEnd(i)))
							.append('=').append(tokens.attributeValue(i));
				}
			}
			events.add(tag.append('>').toString());
			if (name.equals("t") && !tokens.selfClosing()) {
				tokens.readText();
				events.add("text " + (tokens.text() != null ? tokens.text()
						: string(tokens, tokens.textStart(), tokens.textEnd())));
				events.add("</t>");
			} else if (tokens.selfClosing()) {
				events.add("</" + name + ">");
			}
		}
		return events;
	}

	private static String string(XmlTokenizer tokens, int start, int end) {
		return new String(tokens.buffer(), start, end - start, StandardCharsets.UTF_8);
	}
}
