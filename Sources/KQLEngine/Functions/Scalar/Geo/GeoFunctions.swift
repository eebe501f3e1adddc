import Columnar

/// The geospatial functions (`geo_*`), over the `Geospatial` library: the one list the function registry
/// includes. Each family's file defines its functions as static values of this namespace.
enum GeoFunctions {
    /// Every `geo_*` scalar function.
    static let all: [any ScalarFunction] = [
        // Points
        distance2Points, pointInCircle, azimuth, angle, pointBuffer,
        // S2, H3, geohash cells
        pointToS2Cell, s2CellToCentralPoint, s2CellToPolygon, s2CellNeighbors,
        pointToH3Cell, h3CellToCentralPoint, h3CellToPolygon, h3CellLevel, h3CellParent, h3CellChildren,
        h3CellNeighbors, h3CellRings,
        pointToGeohash, geohashToCentralPoint, geohashToPolygon, geohashNeighbors,
        // Coverings
        polygonToS2Cells, lineToS2Cells, polygonToH3Cells,
        // Polygons
        pointInPolygon, distancePointToPolygon, closestPointOnPolygon, polygonArea, polygonPerimeter,
        polygonCentroid, polygonBuffer, intersects2Polygons, intersection2Polygons,
        polygonDensify, polygonSimplify, simplifyPolygonsArray, unionPolygonsArray,
        // Lines
        lineLength, lineCentroid, distancePointToLine, closestPointOnLine, lineInterpolatePoint, lineLocatePoint,
        lineBuffer, lineDensify, lineSimplify, unionLinesArray, intersects2Lines, intersection2Lines,
        intersectsLineWithPolygon, intersectionLineWithPolygon,
        // Text
        fromWkt,
    ]
}
