// Counts the public types of assemblies (types a package's users can see: public, or nested public in public types),
// read from metadata only, so no dependency has to load. From the repository root, after a build:
//   dotnet run tools/public-types/public-types.cs -- src/*/bin/Debug/net10.0/Tollgate*.dll
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

foreach (var path in args)
{
    using var stream = File.OpenRead(path);
    using var pe = new PEReader(stream);
    var metadata = pe.GetMetadataReader();
    var count = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Count(type => IsVisible(metadata, type));
    Console.WriteLine($"{Path.GetFileNameWithoutExtension(path)}\t{count}");
}

static bool IsVisible(MetadataReader metadata, TypeDefinition type)
{
    var visibility = type.Attributes & TypeAttributes.VisibilityMask;
    return visibility switch
    {
        TypeAttributes.Public => true,
        TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem =>
            IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())),
        _ => false,
    };
}
