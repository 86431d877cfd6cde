package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import procurement.review.ui.parts.GuidePart;

/**
 * Every menu path the User Guide names ("File > Import > Rule Set...") is a path of the main menu in
 * Application.e4xmi, so that the guide never sends the reviewer to a menu that does not exist.
 */
class UserGuideTest {

	private static final Pattern MENU_PATH = Pattern.compile("\\b(File|Edit|Review|Help) > ");

	@Test
	void menuPathsOfTheGuideExistInTheApplicationModel() throws Exception {
		String guide;
		try (InputStream in = GuidePart.class.getResourceAsStream("/help/user-guide.txt")) {
			assertNotNull(in, "the guide is in the bundle");
			guide = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s*\\R\\s*", " ");
		}
		Element mainMenu;
		try (InputStream in = GuidePart.class.getResourceAsStream("/Application.e4xmi")) {
			assertNotNull(in, "the application model is in the bundle");
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document model = factory.newDocumentBuilder().parse(in);
			mainMenu = (Element) model.getElementsByTagName("mainMenu").item(0);
		}
		Matcher m = MENU_PATH.matcher(guide);
		List<String> checked = new ArrayList<>();
		while (m.find()) {
			Element menu = child(mainMenu, m.group(1));
			assertNotNull(menu, "no top menu " + m.group(1));
			String rest = guide.substring(m.end());
			StringBuilder path = new StringBuilder(m.group(1));
			while (true) {
				Element item = longestPrefix(menu, rest);
				assertNotNull(item, "the guide names a menu entry that does not exist: " + path + " > "
						+ rest.substring(0, Math.min(40, rest.length())));
				String label = label(item);
				path.append(" > ").append(label);
				rest = rest.substring(label.length()).replaceFirst("^\\.\\.\\.", "");
				if (!rest.startsWith(" > ")) {
					break;
				}
				menu = item;
				rest = rest.substring(3);
			}
			checked.add(path.toString());
		}
		assertTrue(checked.contains("File > Import > Rule Set"), "the guide explains the rule set import: " + checked);
		assertTrue(checked.contains("File > Import > Contracting Report"), checked.toString());
	}

	private static Element child(Element menu, String label) {
		for (Node n = menu.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && "children".equals(e.getTagName()) && label.equals(label(e))) {
				return e;
			}
		}
		return null;
	}

	private static Element longestPrefix(Element menu, String text) {
		Element best = null;
		for (Node n = menu.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && "children".equals(e.getTagName()) && !label(e).isEmpty()
					&& text.startsWith(label(e)) && (best == null || label(e).length() > label(best).length())) {
				best = e;
			}
		}
		return best;
	}

	/** A menu label as the guide writes it: without the mnemonic and the trailing dots. */
	private static String label(Element e) {
		return e.getAttribute("label").replace("&", "").replaceFirst("\\.\\.\\.$", "");
	}
}
