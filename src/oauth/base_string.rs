//! The signature base string of RFC 5849 §3.4.1 and the parameter encoding of §3.6.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use url::Url;

/// Everything except RFC 3986's unreserved characters (ALPHA, DIGIT, `-`, `.`, `_`, `~`) is
/// encoded (RFC 5849 §3.6); `percent-encoding` writes the hex digits in upper case, as required.
const OAUTH_RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// RFC 5849 §3.6 percent-encoding of the UTF-8 bytes of `text`.
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, OAUTH_RESERVED).to_string()
}

/// The base string URI (§3.4.1.2): scheme and host in lower case, the port only when it is not the
/// scheme's default, the path, no query or fragment. `None` when `url` is not an absolute http(s)
/// URL with a host.
pub fn base_string_uri(url: &Url) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    // `Url` already lower-cases scheme and host and drops a default port.
    let host = url.host_str()?;
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    Some(format!("{}://{host}{port}{}", url.scheme(), url.path()))
}

/// The query's parameters, decoded as `application/x-www-form-urlencoded` (§3.4.1.3.1).
pub fn query_parameters(url: &Url) -> Vec<(String, String)> {
    url.query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// The normalised parameter string (§3.4.1.3.2): each name and value encoded, sorted by name
/// then value (byte order of the encoded forms), joined as `name=value` with `&`. Repeated names
/// are kept.
pub fn normalize_parameters(params: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (percent_encode(k), percent_encode(v)))
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The signature base string (§3.4.1.1): `METHOD&encoded base URI&encoded parameters`, where the
/// parameters are the URL's query, the protocol parameters of the `Authorization` header (without
/// `oauth_signature` and `realm`, §3.4.1.3.1) and the form body's parameters (all kept).
pub fn signature_base_string(
    method: &str,
    url: &Url,
    header: &[(String, String)],
    body: &[(String, String)],
) -> Option<String> {
    let uri = base_string_uri(url)?;
    let mut all = query_parameters(url);
    all.extend(
        header
            .iter()
            .filter(|(k, _)| k != "oauth_signature" && k != "realm")
            .cloned(),
    );
    all.extend(body.iter().cloned());
    Some(format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode(&uri),
        percent_encode(&normalize_parameters(&all))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn encodes_only_outside_the_unreserved_set() {
        assert_eq!(percent_encode("Aa0-._~"), "Aa0-._~");
        assert_eq!(percent_encode("a b+c/d=e&f"), "a%20b%2Bc%2Fd%3De%26f");
        assert_eq!(percent_encode("é☃"), "%C3%A9%E2%98%83");
        assert_eq!(percent_encode("%"), "%25");
    }

    // RFC 5849 §3.4.1.2's examples.
    #[test]
    fn base_string_uri_examples_of_rfc_5849() {
        let u = |s: &str| base_string_uri(&Url::parse(s).unwrap()).unwrap();
        assert_eq!(
            u("HTTP://EXAMPLE.COM:80/r%20v/X?id=123"),
            "http://example.com/r%20v/X"
        );
        assert_eq!(
            u("https://www.example.net:8080/?q=1"),
            "https://www.example.net:8080/"
        );
        assert!(base_string_uri(&Url::parse("ftp://example.com/").unwrap()).is_none());
    }

    // RFC 5849 §3.4.1.3.2's example, whose normalised string the RFC gives in full.
    #[test]
    fn normalised_parameters_example_of_rfc_5849() {
        let url =
            Url::parse("https://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b").unwrap();
        let mut params = query_parameters(&url);
        params.extend([
            p("oauth_consumer_key", "9djdj82h48djs9d2"),
            p("oauth_token", "kkk9d7dh3k39sjv7"),
            p("oauth_signature_method", "HMAC-SHA1"),
            p("oauth_timestamp", "137131201"),
            p("oauth_nonce", "7d8f3e4a"),
            p("c2", ""),
            p("a3", "2 q"),
        ]);
        assert_eq!(
            normalize_parameters(&params),
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9dj\
             dj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1\
             &oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7"
        );
    }

    // RFC 5849 §3.4.1.1's example request (a form body `c2&a3=2+q`, realm and signature excluded).
    #[test]
    fn signature_base_string_example_of_rfc_5849() {
        let url = Url::parse("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b").unwrap();
        let header = [
            p("realm", "Example"),
            p("oauth_consumer_key", "9djdj82h48djs9d2"),
            p("oauth_token", "kkk9d7dh3k39sjv7"),
            p("oauth_signature_method", "HMAC-SHA1"),
            p("oauth_timestamp", "137131201"),
            p("oauth_nonce", "7d8f3e4a"),
            p("oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"),
        ];
        let body = [p("c2", ""), p("a3", "2 q")];
        assert_eq!(
            signature_base_string("post", &url, &header, &body).unwrap(),
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q\
             %26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_\
             key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m\
             ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk\
             9d7dh3k39sjv7"
        );
    }
}
