import Columnar

/// The geospatial functions (`geo_*`), over the `Geospatial` library: the family list the function registry
/// includes. Each file of this folder defines its functions as static values of this namespace.
enum GeoFunctions {
    /// Every `geo_*` scalar function, with its summary and an example.
    static let all = FunctionFamily(
        "geo",
        [
            .scalar(
                distance2Points, "Meters on S2's sphere, or on the WGS-84 ellipsoid when `use_spheroid` is true.",
                example: "print d = round(geo_distance_2points(0, 90, 0, -90, true), 0)"),
            .scalar(
                pointInCircle,
                "Whether the point is in the spherical cap (boundary included); a negative radius is invalid.",
                example:
                    "print a = geo_point_in_circle(-122.143564, 47.535677, -122.100896, 47.527351, 3500), b = geo_point_in_circle(-122.137575, 47.630683, -122.100896, 47.527351, 3500), c = isnull(geo_point_in_circle(200, 1, 1, 1, 1)), d = isnull(geo_point_in_circle(1, 1, 1, 1, -1))"
            ),
            .scalar(
                azimuth, "Radians clockwise from north, in [0, 2π).",
                example:
                    "print a = round(geo_azimuth(5, 10, 10, -40), 14), b = round(degrees(geo_azimuth(5, 10, 10, -40)), 12), c = isnull(geo_azimuth(5, 10, 5, 10))"
            ),
            .scalar(
                angle, "Radians clockwise at p2 from line p2→p1 to p2→p3.",
                example:
                    "print a = round(geo_angle(0, 10, 0, 5, 3, -10), 14), b = round(degrees(geo_angle(0, 10, 0, 5, 3, -10)), 12), c = isnull(geo_angle(0, 10, 0, 10, 3, -10)), d = isnull(geo_angle(0, 10, 0, 5, 0, 5)), e = isnull(geo_angle(0, 10, 0, 5, 180, -5))"
            ),
            .scalar(
                pointBuffer, "The polygon of points within `radius` meters.",
                example:
                    "print a = tostring(geo_point_buffer(-115.1745008278, 36.1497251277, 20000).type), b = isnull(geo_point_buffer(200, 1, 0.1)), c = isnull(geo_point_buffer(10, 10, -1)), d = isnull(geo_point_buffer(10, 10, 0))"
            ),
            .scalar(
                pointToS2Cell, "The token of the level 0…30 cell containing the point.",
                example:
                    "datatable(location_id:string, longitude:real, latitude:real) [ \"A\", 10.1234, 53, \"B\", 10.3579, 53, \"C\", 10.6842, 53, ] | summarize count = count(), locations = make_list(location_id) by s2cell = geo_point_to_s2cell(longitude, latitude, 8)"
            ),
            .scalar(
                s2CellToCentralPoint, "The cell's centre as a GeoJSON point.",
                example:
                    "print p = geo_s2cell_to_central_point(\"1234567\"), lng = geo_s2cell_to_central_point(\"1234567\").coordinates[0], bad = isnull(geo_s2cell_to_central_point(\"a\")), long = isnull(geo_s2cell_to_central_point(\"89c2590000000000a\"))"
            ),
            .scalar(
                s2CellToPolygon, "The cell as a GeoJSON polygon (geodesic edges).",
                example: "print p = geo_s2cell_to_polygon(\"89c259\"), bad = isnull(geo_s2cell_to_polygon(\"a\"))"),
            .scalar(
                s2CellNeighbors, "The tokens of the same-level cells sharing an edge or a vertex.",
                example:
                    "print n = array_sort_asc(geo_s2cell_neighbors('89c259')), bad = isnull(geo_s2cell_neighbors('a'))"),
            .scalar(
                pointToH3Cell, "The resolution 0…15 cell containing the point.",
                example:
                    "print a = geo_h3cell_level('862a1072fffffff'), b = geo_h3cell_level(geo_point_to_h3cell(1, 1, 10)), c = isnull(geo_h3cell_level('abc'))"
            ),
            .scalar(
                h3CellToCentralPoint, "The cell's centre as a GeoJSON point.",
                example:
                    "let c = geo_h3cell_to_central_point(\"862a1072fffffff\"); print t = tostring(c.type), lng = round(todouble(c.coordinates[0]), 12), lat = round(todouble(c.coordinates[1]), 12), bad = isnull(geo_h3cell_to_central_point(\"1\"))"
            ),
            .scalar(
                h3CellToPolygon, "The cell's boundary as a GeoJSON polygon.",
                example:
                    "print p = geo_h3cell_to_polygon(\"862a1072fffffff\"), bad = isnull(geo_h3cell_to_polygon(\"@\")) | mv-expand with_itemindex = i vertex = p.coordinates[0] | project i, lng = round(todouble(vertex[0]), 12), lat = round(todouble(vertex[1]), 12), bad"
            ),
            .scalar(
                h3CellLevel, "The cell's resolution, 0…15.",
                example:
                    "print a = geo_h3cell_level('862a1072fffffff'), b = geo_h3cell_level(geo_point_to_h3cell(1, 1, 10)), c = isnull(geo_h3cell_level('abc'))"
            ),
            .scalar(
                h3CellParent,
                "The ancestor at resolution 0…14; \"\" when the resolution is out of range or finer than the cell.",
                example:
                    "print top = isempty(geo_h3cell_parent(geo_point_to_h3cell(1, 1, 0))), zero = geo_h3cell_level(geo_h3cell_parent('862a1072fffffff', 0)), neg = isempty(geo_h3cell_parent('862a1072fffffff', -1))"
            ),
            .scalar(
                h3CellChildren, "The descendants at resolution 1…15, at most 5 levels below the cell.",
                example:
                    "print a = geo_h3cell_children('862a1072fffffff'), b = array_length(geo_h3cell_children('862a1072fffffff', geo_h3cell_level('862a1072fffffff') + 3)), c = isnull(geo_h3cell_children('abc')), d = isnull(geo_h3cell_children(geo_point_to_h3cell(1, 1, 9), 15)), e = isnull(geo_h3cell_children('862a1072fffffff', 5)), f = array_length(geo_h3cell_children(geo_point_to_h3cell(1, 1, 10), 15))"
            ),
            .scalar(
                h3CellNeighbors, "The cells at grid distance 1.",
                example: "print a = geo_h3cell_neighbors('862a1072fffffff'), b = isnull(geo_h3cell_neighbors('abc'))"),
            .scalar(
                h3CellRings, "Arrays of the cells at each grid distance 0…distance (≤ 142).",
                example:
                    "print a = geo_h3cell_rings('861f8894fffffff', 2), b = geo_h3cell_rings('861f8894fffffff', 0), c = isnull(geo_h3cell_rings('abc', 3)), d = isnull(geo_h3cell_rings('861f8894fffffff', 150)), e = isnull(geo_h3cell_rings('861f8894fffffff', -1)), f = array_length(geo_h3cell_rings('861f8894fffffff', 142))"
            ),
            .scalar(
                pointToGeohash, "The geohash of length 1…18 containing the point.",
                example:
                    "print origin = geo_point_to_geohash(0, 0), north = geo_point_to_geohash(0, 90, 1), west = geo_point_to_geohash(-180, 0, 1), east = geo_point_to_geohash(180, 0, 1), wraps = set_has_element(geo_geohash_neighbors('8'), 'x')"
            ),
            .scalar(
                geohashToCentralPoint, "The rectangle's centre as a GeoJSON point.",
                example:
                    "print p = geo_geohash_to_central_point(\"sunny\"), bad = isnull(geo_geohash_to_central_point(\"a\")), empty = isnull(geo_geohash_to_central_point(\"\")), long = isnull(geo_geohash_to_central_point(\"0123456789bcdefghjk\"))"
            ),
            .scalar(
                geohashToPolygon, "The rectangle as a GeoJSON polygon.",
                example: "print p = geo_geohash_to_polygon(\"dr5ru\"), bad = isnull(geo_geohash_to_polygon(\"a\"))"),
            .scalar(
                geohashNeighbors, "The geohashes of the same length around it.",
                example: "print n = geo_geohash_neighbors('sunny'), bad = isnull(geo_geohash_neighbors('a'))"),
            .scalar(
                polygonToS2Cells, "The level-`level` S2 cells covering the polygon grown by `radius` meters.",
                example:
                    "print c = geo_polygon_to_s2cells(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}), 5)"
            ),
            .scalar(
                lineToS2Cells, "As `geo_polygon_to_s2cells`, for lines.",
                example:
                    "print c = geo_line_to_s2cells(dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[0.5,0.5001],[1,1]]}), 5)"
            ),
            .scalar(
                polygonToH3Cells,
                "The H3 cells whose centres lie in the polygon (planar edges), after growing it by `radius` meters when positive.",
                example:
                    "print c = geo_polygon_to_h3cells(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}), 3)"
            ),
            .scalar(
                pointInPolygon, "Containment with a semi-open boundary.",
                example:
                    "let buffer = geo_point_buffer(-115.1745008278, 36.1497251277, 20000); print centre = geo_point_in_polygon(-115.1745008278, 36.1497251277, buffer), inside = geo_point_in_polygon(-115.1745008278, 36.32, buffer), outside = geo_point_in_polygon(-115.1745008278, 36.36, buffer)"
            ),
            .scalar(
                distancePointToPolygon, "Meters to the polygon, 0 inside.",
                example:
                    "let holed = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]}); print shell = geo_point_in_polygon(2, 2, holed), hole = geo_point_in_polygon(5, 5, holed), hole_distance = geo_distance_point_to_polygon(5, 5, holed) > 0"
            ),
            .scalar(
                closestPointOnPolygon, "The polygon's point nearest to the given one.",
                example:
                    "let p = dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]}); print a = isnull(geo_point_in_polygon(200, 1, p)), b = isnull(geo_distance_point_to_polygon(500, 1, p)), c = isnull(geo_closest_point_on_polygon(500, 1, p)), d = isnull(geo_point_in_polygon(1, real(null), p)), e = geo_point_in_polygon(8, 3, p), f = geo_point_in_polygon(3, 8, p)"
            ),
            .scalar(
                polygonArea, "Square meters (of the union, for a multipolygon).",
                example:
                    "let dateline = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[170,-10],[-170,-10],[-170,10],[170,10],[170,-10]]]}); let arctic = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,80],[90,80],[180,80],[-90,80],[0,80]]]}); print a = geo_point_in_polygon(180, 0, dateline), b = geo_point_in_polygon(-175, 5, dateline), c = geo_point_in_polygon(0, 0, dateline), d = geo_point_in_polygon(45, 89, arctic), e = geo_point_in_polygon(45, 70, arctic), f = geo_polygon_area(dateline) < geo_polygon_area(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,-10],[20,-10],[20,10],[0,10],[0,-10]]]})) * 1.01"
            ),
            .scalar(
                polygonPerimeter, "Meters of boundary (of the union).",
                example:
                    "let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}); let closest = geo_closest_point_on_polygon(-73.9839, 40.7705, central_park); print area = geo_polygon_area(central_park), perimeter = round(geo_polygon_perimeter(central_park), 11), centroid = geo_polygon_centroid(central_park), distance = round(geo_distance_point_to_polygon(-73.9839, 40.7705, central_park), 9), closest_lng = round(todouble(closest.coordinates[0]), 12), closest_lat = round(todouble(closest.coordinates[1]), 12)"
            ),
            .scalar(
                polygonCentroid, "The centroid of the area as a GeoJSON point.",
                example:
                    "let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}); let closest = geo_closest_point_on_polygon(-73.9839, 40.7705, central_park); print area = geo_polygon_area(central_park), perimeter = round(geo_polygon_perimeter(central_park), 11), centroid = geo_polygon_centroid(central_park), distance = round(geo_distance_point_to_polygon(-73.9839, 40.7705, central_park), 9), closest_lng = round(todouble(closest.coordinates[0]), 12), closest_lat = round(todouble(closest.coordinates[1]), 12)"
            ),
            .scalar(
                polygonBuffer, "The region within `radius` meters.",
                example:
                    "print p = geo_polygon_buffer(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}), 100)"
            ),
            .scalar(
                intersects2Polygons, "Whether they share a point (boundaries included).",
                example:
                    "let a = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}); let b = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}); print touch = geo_intersects_2polygons(a, b), kind = tostring(geo_intersection_2polygons(a, b).type), disjoint = geo_intersection_2polygons(a, dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}))"
            ),
            .scalar(
                intersection2Polygons,
                "The shared region (points and lines where they only touch, an empty GeometryCollection when disjoint).",
                example:
                    "let a = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}); let b = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}); print touch = geo_intersects_2polygons(a, b), kind = tostring(geo_intersection_2polygons(a, b).type), disjoint = geo_intersection_2polygons(a, dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}))"
            ),
            .scalar(
                polygonDensify,
                "Planar edges as geodesic chains within `tolerance` meters (0.1…10000). Rings must be closed with at least four positions.",
                example:
                    "print p = geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}))"
            ),
            .scalar(
                polygonSimplify, "No two vertices closer than `tolerance` meters.",
                example:
                    "print p = geo_polygon_simplify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}), 10)"
            ),
            .scalar(
                simplifyPolygonsArray,
                "Simplifies an array of polygons together, so shared borders stay shared; the result is their union.",
                example:
                    "print p = geo_simplify_polygons_array(dynamic([{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}, {\"type\":\"Polygon\",\"coordinates\":[[[0.5,0.5],[2,0.5],[2,2],[0.5,2],[0.5,0.5]]]}]), 10)"
            ),
            .scalar(
                unionPolygonsArray, "The union of an array of polygons and multipolygons.",
                example:
                    "print p = geo_union_polygons_array(dynamic([{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}, {\"type\":\"Polygon\",\"coordinates\":[[[0.5,0.5],[2,0.5],[2,2],[0.5,2],[0.5,0.5]]]}]))"
            ),
            .scalar(
                lineLength, "Meters (of the union, for a multiline).",
                example:
                    "let cross1 = dynamic({\"type\":\"LineString\",\"coordinates\":[[-1,0],[1,0]]}); let cross2 = dynamic({\"type\":\"LineString\",\"coordinates\":[[0,-1],[0,1]]}); let dateline = dynamic({\"type\":\"LineString\",\"coordinates\":[[179,0],[-179,0]]}); print kind = tostring(geo_intersection_2lines(cross1, cross2).type), short_way = geo_line_length(dateline) < 300000, meets = geo_intersects_2lines(dateline, dynamic({\"type\":\"LineString\",\"coordinates\":[[180,-1],[180,1]]}))"
            ),
            .scalar(
                lineCentroid, "The length-weighted centroid as a GeoJSON point.",
                example:
                    "let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}); print centroid = geo_line_centroid(line), at25 = geo_line_interpolate_point(line, 0.25), fraction = geo_line_locate_point(line, -73.965, 40.792)"
            ),
            .scalar(
                distancePointToLine, "Meters from the point to the nearest line.",
                example:
                    "print d = round(geo_distance_point_to_line(-115.199625, 36.210419, dynamic({ \"type\":\"LineString\",\"coordinates\":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]})), 11), bad_line = isnull(geo_distance_point_to_line(1, 1, dynamic({ \"type\":\"LineString\"}))), bad_point = isnull(geo_distance_point_to_line(300, 3, dynamic({ \"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]})))"
            ),
            .scalar(
                closestPointOnLine, "The lines' point nearest to the given one.",
                example:
                    "let p = geo_closest_point_on_line(-115.199625, 36.210419, dynamic({ \"type\":\"LineString\",\"coordinates\":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]})); print lng = round(todouble(p.coordinates[0]), 6), lat = round(todouble(p.coordinates[1]), 6), bad = isnull(geo_closest_point_on_line(1, 1, dynamic({ \"type\":\"LineString\"})))"
            ),
            .scalar(
                lineInterpolatePoint, "The point at `fraction` (0…1) of a LineString's length.",
                example:
                    "let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}); print centroid = geo_line_centroid(line), at25 = geo_line_interpolate_point(line, 0.25), fraction = geo_line_locate_point(line, -73.965, 40.792)"
            ),
            .scalar(
                lineLocatePoint,
                "The fraction (0…1) of a LineString's length at its point closest to the given one, along geodesics on S2's sphere.  `use_spheroid = true` (geodesics on the WGS-84 ellipsoid) is refused by name rather than answered on the sphere: the fraction would differ in the digits ADX prints, and silently so.",
                example:
                    "let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}); print centroid = geo_line_centroid(line), at25 = geo_line_interpolate_point(line, 0.25), fraction = geo_line_locate_point(line, -73.965, 40.792)"
            ),
            .scalar(
                lineBuffer, "The region within `radius` meters (round caps).",
                example:
                    "print p = geo_line_buffer(dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[0.5,0.5001],[1,1]]}), 100)"
            ),
            .scalar(
                lineDensify, "As `geo_polygon_densify`; lines need at least two positions.",
                example:
                    "print a = tostring(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[50, 50], [51, 51]]}))), b = isnull(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[300,1],[1,1]]}))), c = isnull(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}), 0)), d = isnull(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}), 10001)), e = isnotnull(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}), 0.1))"
            ),
            .scalar(
                lineSimplify, "No two vertices closer than `tolerance` meters.",
                example:
                    "print l = geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[0.5,0.5001],[1,1]]}), 10)"
            ),
            .scalar(
                unionLinesArray, "The union of an array of lines and multilines.",
                example:
                    "print l = geo_union_lines_array(dynamic([{\"type\":\"LineString\",\"coordinates\":[[0,0],[0.5,0.5001],[1,1]]}, {\"type\":\"LineString\",\"coordinates\":[[1,1],[2,1]]}]))"
            ),
            .scalar(
                intersects2Lines, "Whether the line sets share a point.",
                example:
                    "let cross1 = dynamic({\"type\":\"LineString\",\"coordinates\":[[-1,0],[1,0]]}); let cross2 = dynamic({\"type\":\"LineString\",\"coordinates\":[[0,-1],[0,1]]}); let dateline = dynamic({\"type\":\"LineString\",\"coordinates\":[[179,0],[-179,0]]}); print kind = tostring(geo_intersection_2lines(cross1, cross2).type), short_way = geo_line_length(dateline) < 300000, meets = geo_intersects_2lines(dateline, dynamic({\"type\":\"LineString\",\"coordinates\":[[180,-1],[180,1]]}))"
            ),
            .scalar(
                intersection2Lines, "Crossing points and shared stretches.",
                example:
                    "let cross1 = dynamic({\"type\":\"LineString\",\"coordinates\":[[-1,0],[1,0]]}); let cross2 = dynamic({\"type\":\"LineString\",\"coordinates\":[[0,-1],[0,1]]}); let dateline = dynamic({\"type\":\"LineString\",\"coordinates\":[[179,0],[-179,0]]}); print kind = tostring(geo_intersection_2lines(cross1, cross2).type), short_way = geo_line_length(dateline) < 300000, meets = geo_intersects_2lines(dateline, dynamic({\"type\":\"LineString\",\"coordinates\":[[180,-1],[180,1]]}))"
            ),
            .scalar(
                intersectsLineWithPolygon, "Whether the lines meet the polygon.",
                example:
                    "let lineString1 = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.978929,40.785155],[-73.980903,40.782621]]}); let lineString2 = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275],[-73.974552,40.779761]]}); let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}); print a = geo_intersects_2lines(lineString1, lineString2), b = isnull(geo_intersects_2lines(lineString1, dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275]]}))), c = geo_intersects_line_with_polygon(lineString2, polygon), d = isnull(geo_intersects_line_with_polygon(lineString2, dynamic({\"type\":\"Polygon\",\"coordinates\":[]}))), e = geo_intersects_2lines(lineString1, dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}))"
            ),
            .scalar(
                intersectionLineWithPolygon, "The parts of the lines inside the polygon.",
                example:
                    "print l = geo_intersection_line_with_polygon(dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[0.5,0.5001],[1,1]]}), dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}))"
            ),
            .scalar(
                fromWkt,
                "The GeoJSON of a well-known-text geometry (POINT … GEOMETRYCOLLECTION, 2-D); null for invalid or unsupported text (EMPTY, coordinates out of range).",
                example:
                    "print a = geo_from_wkt(\"POINT (1 2)\"), b = geo_from_wkt(\"LINESTRING (1 2, 3 4)\"), c = geo_from_wkt(\"POLYGON ((0 0, 2 0, 2 2, 0 0))\"), d = geo_from_wkt(\"MULTIPOINT (1 1, 2 2, 3 3)\")"
            ),
        ])
}
