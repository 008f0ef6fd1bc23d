/// Decoding of HTML character references (`&amp;`, `&#x27;`, `&eacute;` …).
public enum HTMLEntities {
    /// The named references seen in feeds and platform HTML. HTML5 defines
    /// over two thousand; these cover what real posts use, and an unknown
    /// name is kept as written rather than guessed.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{00B7}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}", "plusmn": "\u{00B1}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "para": "\u{00B6}", "sect": "\u{00A7}", "euro": "\u{20AC}",
        "pound": "\u{00A3}", "yen": "\u{00A5}", "cent": "\u{00A2}", "iexcl": "\u{00A1}", "iquest": "\u{00BF}",
        "shy": "\u{00AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "prime": "\u{2032}", "Prime": "\u{2033}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}", "frac12": "\u{00BD}", "frac14": "\u{00BC}",
        "frac34": "\u{00BE}", "sup2": "\u{00B2}", "sup3": "\u{00B3}", "micro": "\u{00B5}", "ordm": "\u{00BA}",
        "ordf": "\u{00AA}", "szlig": "\u{00DF}", "hearts": "\u{2665}", "check": "\u{2713}",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ",
        "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ",
        "ouml": "ö", "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý",
        "yuml": "ÿ", "eth": "ð", "thorn": "þ", "oelig": "œ", "scaron": "š", "zcaron": "ž",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å", "AElig": "Æ",
        "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë", "Igrave": "Ì", "Iacute": "Í",
        "Icirc": "Î", "Iuml": "Ï", "Ntilde": "Ñ", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ",
        "Ouml": "Ö", "Oslash": "Ø", "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý",
        "OElig": "Œ", "Scaron": "Š", "Zcaron": "Ž", "Yuml": "Ÿ",
    ]

    /// Replaces every character reference in `text` with the character it names.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard scalar == "&", let (replacement, length) = reference(in: scalars, at: i) else {
                output.append(scalar)
                i += 1
                continue
            }
            output.append(contentsOf: replacement.unicodeScalars)
            i += length
        }
        return String(output)
    }

    /// The character reference starting at `start` (which holds `&`): its
    /// replacement and its length in scalars including `&` and `;`.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var j = start + 1
        guard j < scalars.count else { return nil }
        if scalars[j] == "#" {
            j += 1
            var hex = false
            if j < scalars.count, scalars[j] == "x" || scalars[j] == "X" { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < scalars.count, digits < 8, let digit = hexValue(scalars[j], hex: hex) {
                value = value &* (hex ? 16 : 10) &+ digit
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            // The semicolon is optional in practice (`&#39` appears in real feeds).
            let length = (j < scalars.count && scalars[j] == ";" ? j + 1 : j) - start
            let decoded = windows1252Control(value) ?? UnicodeScalar(value).map(String.init) ?? "\u{FFFD}"
            return (value == 0 ? "\u{FFFD}" : decoded, length)
        }
        var name = ""
        while j < scalars.count, j - start <= 10, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) {
            name.unicodeScalars.append(scalars[j])
            j += 1
        }
        guard j < scalars.count, scalars[j] == ";", let replacement = named[name] else { return nil }
        return (replacement, j + 1 - start)
    }

    private static func hexValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46 where hex: return scalar.value - 0x41 + 10
        case 0x61...0x66 where hex: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Browsers read references to 0x80–0x9F as Windows-1252 (`&#146;` is a
    /// right single quote), and older feeds rely on it.
    private static func windows1252Control(_ value: UInt32) -> String? {
        let table: [UInt32: String] = [
            0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
            0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
            0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
        ]
        return (0x80...0x9F).contains(value) ? table[value] : nil
    }
}
