package nl.lekwacht.message.extract;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML document as lines of {@code Element Name: value}: the element names are words of the text,
 * because in a message of the Dutch care standards (iWmo, iJw) the element name is what says a value is
 * a BSN ({@code <Bsn>123456782</Bsn>} reads {@code Bsn: 123456782}). Compound names are split where the
 * case changes ({@code ToewijzingNummer} reads {@code Toewijzing Nummer}); an element that holds
 * elements gives its name on a line of its own. No DTDs, no external entities.
 */
final class XmlText {

    private XmlText() {
    }

    /** @return the text; stops (keeping what it read) when the text budget runs out */
    static String read(InputStream in, MessageBudget budget) throws IOException, SAXException {
        Handler handler = new Handler(budget);
        try {
            parser().parse(in, handler);
        } catch (StructuredTextHandler.TextLimitReached e) {
            throw new StructuredTextHandler.TextLimitReached(handler.text.toString());
        }
        return handler.text.toString();
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** {@code ToewijzingNummer} as {@code Toewijzing Nummer}; {@code BSN} and {@code bsn} stay whole. */
    static String words(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                out.append(' ');
                continue;
            }
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static final class Handler extends DefaultHandler {
        private final MessageBudget budget;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private String open;

        Handler(MessageBudget budget) {
            this.budget = budget;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (open != null) {
                // the element before holds elements: its name heads them
                emit(words(open) + "\n");
            }
            open = localName.isEmpty() ? qName : localName;
            value.setLength(0);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (open != null) {
                String v = value.toString().strip().replace('\n', ' ');
                emit(words(open) + (v.isEmpty() ? "" : ": " + v) + "\n");
                open = null;
            } else if (!value.toString().isBlank()) {
                emit(value.toString().strip() + "\n");
            }
            value.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (value.length() < 64 * 1024) {
                value.append(ch, start, Math.min(length, 64 * 1024 - value.length()));
            }
        }

        private void emit(String line) throws SAXException {
            int granted = budget.takeChars(line.length());
            text.append(line, 0, granted);
            if (granted < line.length()) {
                throw new StructuredTextHandler.TextLimitReached();
            }
        }
    }
}
