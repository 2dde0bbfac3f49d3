using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace QualityGates.Core.Coverage;

/// <summary>
/// The copy of a Cobertura file that ReportGenerator gets: only the classes the gate counts, each named by its
/// repo-relative path under one &lt;source&gt;, the repository root. ReportGenerator opens every source a report names
/// and embeds it in the HTML, so a committed coverage file naming <c>/etc/passwd</c>, or a path through a link that
/// leads outside, would otherwise publish that file; here such classes are dropped, as the gate leaves them out.
/// </summary>
internal static class CoberturaSanitizer
{
    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    public static void Copy(string input, string output, string fullRoot)
    {
        var resolver = new ClassFileResolver(fullRoot, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        using XmlReader reader = XmlReader.Create(new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read), CoberturaReader.Settings);
        using XmlWriter writer = XmlWriter.Create(new FileStream(output, FileMode.CreateNew, FileAccess.Write, FileShare.None), WriterSettings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "sources":
                    foreach (XElement source in LoadSubtree(reader).Elements("source"))
                    {
                        resolver.AddSource(source.Value);
                    }

                    writer.WriteStartElement("sources");
                    writer.WriteElementString("source", fullRoot);
                    writer.WriteEndElement();
                    continue;
                case XmlNodeType.Element when reader.LocalName == "class":
                    XElement element = LoadSubtree(reader);
                    if (resolver.Resolve((string?)element.Attribute("filename")) is { } path)
                    {
                        element.SetAttributeValue("filename", path);
                        element.WriteTo(writer);
                    }

                    continue;
                case XmlNodeType.Element:
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, defattr: false);
                    if (reader.IsEmptyElement)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    writer.WriteString(reader.Value);
                    break;
            }

            reader.Read();
        }
    }

    /// <summary>The element the reader is on, whole; the reader then stands on the node after it.</summary>
    private static XElement LoadSubtree(XmlReader reader)
    {
        XElement element;
        using (XmlReader subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree);
        }

        // Closing the subtree leaves the reader on the element's end tag (or on the empty element itself).
        reader.Read();
        return element;
    }
}
